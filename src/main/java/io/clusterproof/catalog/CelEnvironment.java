package io.clusterproof.catalog;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.Program;
import java.util.List;
import java.util.Map;

/**
 * The CEL environment of checks: the variables of {@link CheckVariable}, the standard macros,
 * the optional ({@code ?.}), strings, sets and lists extensions, {@code selects()},
 * {@code imageRepository()}, {@code imageIsOneOf()}, {@code cidrsCoverEverything()}, {@code cidrContains()}, {@code parseYaml()}, {@code commandFlags()} and
 * {@code objects()}. Each evaluation may iterate at most {@code maxIterations} times in
 * comprehensions: the cost limit that keeps one rule from stalling an assessment.
 */
public final class CelEnvironment {

    private final Cel cel;

    public CelEnvironment(int maxIterations) {
        var options = CelOptions.current()
                .enableOptionalSyntax(true)
                .comprehensionMaxIterations(maxIterations)
                .build();
        var dynList = ListType.create(SimpleType.DYN);
        var builder = CelFactory.standardCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(
                        CelExtensions.optional(),
                        CelExtensions.strings(),
                        CelExtensions.sets(options),
                        CelExtensions.lists(),
                        CelExtensions.bindings())
                .addRuntimeLibraries(
                        CelExtensions.optional(),
                        CelExtensions.strings(),
                        CelExtensions.sets(options),
                        CelExtensions.lists())
                .addFunctionDeclarations(
                        CelFunctionDecl.newFunctionDeclaration(
                                CheckVariables.OBJECTS_FUNCTION,
                                CelOverloadDecl.newGlobalOverload(
                                        CheckVariables.OBJECTS_OF_KIND, dynList, SimpleType.STRING),
                                CelOverloadDecl.newGlobalOverload(
                                        CheckVariables.OBJECTS_OF_KIND_IN_NAMESPACE,
                                        dynList,
                                        SimpleType.STRING,
                                        SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration(
                                CheckVariables.IMAGE_REPOSITORY_FUNCTION,
                                CelOverloadDecl.newGlobalOverload(
                                        "imageRepository_string", SimpleType.STRING, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration(
                                CheckVariables.IMAGE_IS_ONE_OF_FUNCTION,
                                CelOverloadDecl.newGlobalOverload(
                                        "imageIsOneOf_string_list", SimpleType.BOOL, SimpleType.STRING, dynList)),
                        CelFunctionDecl.newFunctionDeclaration(
                                CheckVariables.CIDRS_COVER_EVERYTHING_FUNCTION,
                                CelOverloadDecl.newGlobalOverload(
                                        "cidrsCoverEverything_list", SimpleType.BOOL, dynList)),
                        CelFunctionDecl.newFunctionDeclaration(
                                CheckVariables.CIDR_CONTAINS_FUNCTION,
                                CelOverloadDecl.newGlobalOverload(
                                        "cidrContains_string_string",
                                        SimpleType.BOOL,
                                        SimpleType.STRING,
                                        SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration(
                                CheckVariables.PARSE_YAML_FUNCTION,
                                CelOverloadDecl.newGlobalOverload(
                                        "parseYaml_string", SimpleType.DYN, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration(
                                CheckVariables.COMMAND_FLAGS_FUNCTION,
                                CelOverloadDecl.newGlobalOverload("commandFlags_list", dynList, dynList)),
                        CelFunctionDecl.newFunctionDeclaration(
                                CheckVariables.SELECTS_FUNCTION,
                                CelOverloadDecl.newGlobalOverload(
                                        "selects_dyn_dyn", SimpleType.BOOL, SimpleType.DYN, SimpleType.DYN)))
                .addFunctionBindings(
                        CelFunctionBinding.from(
                                "selects_dyn_dyn",
                                Object.class,
                                Object.class,
                                (selector, labels) -> LabelSelectors.matches(selector, labels)),
                        CelFunctionBinding.from("imageRepository_string", String.class, ImageReferences::repository),
                        CelFunctionBinding.from(
                                "imageIsOneOf_string_list",
                                String.class,
                                List.class,
                                (image, repositories) -> ImageReferences.isOneOf(image, repositories)),
                        CelFunctionBinding.from("cidrsCoverEverything_list", List.class, Cidrs::coverEverything),
                        CelFunctionBinding.from(
                                "cidrContains_string_string", String.class, String.class, Cidrs::contains),
                        CelFunctionBinding.from("parseYaml_string", String.class, YamlDocuments::parse),
                        CelFunctionBinding.from("commandFlags_list", List.class, CommandFlags::of));
        for (var variable : CheckVariable.values()) {
            builder.addVar(
                    variable.variableName(),
                    switch (variable.type()) {
                        case DYN -> SimpleType.DYN;
                        case TIMESTAMP -> SimpleType.TIMESTAMP;
                    });
        }
        this.cel = builder.build();
    }

    /** Compiles an expression; the exception carries the compiler's message with line and column. */
    public CelAbstractSyntaxTree compile(String expression) throws CelValidationException {
        return cel.compile(expression).getAst();
    }

    public Program program(CelAbstractSyntaxTree ast) throws CelEvaluationException {
        return cel.createProgram(ast);
    }

    /** Convenience for tests and tools: compile and evaluate with plain variables. */
    public Object evaluate(String expression, Map<String, ?> variables)
            throws CelValidationException, CelEvaluationException {
        return program(compile(expression)).eval(variables);
    }
}
