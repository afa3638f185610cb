package io.clusterproof.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;
import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.KubernetesKinds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads, validates and compiles catalogs. Every problem in every file is collected before the
 * verdict, so one start tells the whole story.
 */
public final class CatalogLoader {

    /** What {@code workload} stands for in {@code match.kinds}: the kinds the collector knows carry a pod spec. */
    public static final List<String> WORKLOAD_KINDS = KubernetesKinds.workloads();

    public static final String WORKLOAD = "workload";
    public static final String CLUSTER = "Cluster";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CHECK_FILE = Pattern.compile("checks/([^/]+)/check\\.yaml");
    private static final Pattern FIXTURE_FILE = Pattern.compile("checks/([^/]+)/fixtures/([^/]+)\\.yaml");
    private static final Pattern FRAMEWORK_FILE = Pattern.compile("frameworks/[^/]+\\.yaml");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .addModule(new JavaTimeModule())
            .build();
    private final CelEnvironment environment;
    private final List<CatalogProblem> problems = new ArrayList<>();

    private CatalogLoader(CelEnvironment environment) {
        this.environment = environment;
    }

    /** Loads catalogs in order (built-in first); throws {@link InvalidCatalogException} listing every problem. */
    public static Catalog load(List<List<CatalogFile>> catalogs, int maxIterations) {
        return new CatalogLoader(new CelEnvironment(maxIterations)).loadAll(catalogs);
    }

    private Catalog loadAll(List<List<CatalogFile>> catalogs) {
        var frameworks = new ArrayList<Located<FrameworkDefinition>>();
        var checks = new ArrayList<Located<CheckDefinition>>();
        var fixtures = new HashMap<String, Set<String>>();
        var params = new LinkedHashMap<String, Object>();
        var digestInput = new TreeSet<String>();
        for (var files : catalogs) {
            for (var file : files) {
                classify(file, frameworks, checks, fixtures, params, digestInput);
            }
        }
        var compiled = compileChecks(checks, fixtures);
        validateFrameworks(frameworks, compiled);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(CatalogProblem::file).thenComparingInt(CatalogProblem::line));
            throw new InvalidCatalogException(problems);
        }
        var digest = sha256(String.join("\n", digestInput));
        return new Catalog(
                frameworks.stream().map(Located::value).toList(),
                List.copyOf(compiled.values()),
                params,
                digest,
                environment);
    }

    private record Located<T>(T value, CatalogFile file) {}

    private void classify(
            CatalogFile file,
            List<Located<FrameworkDefinition>> frameworks,
            List<Located<CheckDefinition>> checks,
            Map<String, Set<String>> fixtures,
            Map<String, Object> params,
            Set<String> digestInput) {
        var relative = file.relative();
        var fixture = FIXTURE_FILE.matcher(relative);
        if (fixture.matches()) {
            fixtures.computeIfAbsent(fixture.group(1), k -> new HashSet<>()).add(fixture.group(2));
            return;
        }
        digestInput.add(relative + "\n" + sha256(file.content()));
        if (FRAMEWORK_FILE.matcher(relative).matches()) {
            parse(file, FrameworkDefinition.class).ifPresent(f -> frameworks.add(new Located<>(f, file)));
        } else if (CHECK_FILE.matcher(relative).matches()) {
            parse(file, CheckDefinition.class).ifPresent(c -> checks.add(new Located<>(c, file)));
        } else if (relative.equals("params.yaml")) {
            parse(file, Map.class).ifPresent(map -> map.forEach((k, v) -> params.put(String.valueOf(k), v)));
        } else {
            problems.add(new CatalogProblem(
                    file.display(),
                    0,
                    "is not part of the catalog layout (frameworks/*.yaml, checks/<id>/check.yaml, "
                            + "checks/<id>/fixtures/*.yaml, params.yaml)"));
        }
    }

    private <T> Optional<T> parse(CatalogFile file, Class<T> type) {
        try {
            var value = yaml.readValue(file.content(), type);
            if (value == null) {
                problems.add(new CatalogProblem(file.display(), 0, "is empty"));
            }
            return Optional.ofNullable(value);
        } catch (JsonProcessingException e) {
            var line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                line = marked.getProblemMark().getLine() + 1;
            }
            problems.add(new CatalogProblem(file.display(), line, describe(e)));
            return Optional.empty();
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            var known = unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf)
                    .sorted()
                    .collect(Collectors.joining(", "));
            return "unknown field '" + unknown.getPropertyName() + "' (known fields: " + known + ")";
        }
        if (e instanceof MismatchedInputException mismatch
                && !(e instanceof InvalidFormatException)
                && !mismatch.getPath().isEmpty()) {
            var field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .collect(Collectors.joining("."));
            var type = mismatch.getTargetType() == null
                    ? "another type"
                    : mismatch.getTargetType().getSimpleName();
            return "'" + field + "' has the wrong type (" + type + " expected)";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not a valid "
                    + invalid.getTargetType().getSimpleName();
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return "invalid value: " + instantiation.getCause().getMessage();
        }
        if (e.getCause() instanceof MarkedYAMLException marked) {
            return "malformed YAML: " + marked.getProblem();
        }
        return "malformed: " + e.getOriginalMessage();
    }

    private Map<String, CompiledCheck> compileChecks(
            List<Located<CheckDefinition>> checks, Map<String, Set<String>> fixtures) {
        var compiled = new LinkedHashMap<String, CompiledCheck>();
        for (var located : checks) {
            var check = located.value();
            var file = located.file();
            var folder = CHECK_FILE.matcher(file.relative());
            folder.matches();
            if (!requireFields(file, check)) {
                continue;
            }
            if (!ID.matcher(check.id()).matches()) {
                problems.add(new CatalogProblem(
                        file.display(),
                        lineOf(file, "id"),
                        "id '" + check.id() + "' must be lower-case words joined by dashes"));
            }
            if (!check.id().equals(folder.group(1))) {
                problems.add(new CatalogProblem(
                        file.display(),
                        lineOf(file, "id"),
                        "id '" + check.id() + "' differs from its folder name '" + folder.group(1) + "'"));
            }
            if (compiled.containsKey(check.id())) {
                problems.add(new CatalogProblem(
                        file.display(),
                        lineOf(file, "id"),
                        "duplicate check id '" + check.id() + "' (also in "
                                + compiled.get(check.id()).file() + ")"));
                continue;
            }
            var kinds = expandKinds(file, check.match().kinds(), "match.kinds");
            var required = new LinkedHashSet<>(expandKinds(file, check.requiredKinds(), "requires"));
            requireFixtures(file, check.id(), fixtures.getOrDefault(folder.group(1), Set.of()));
            var reads = new TreeSet<String>();
            var rule = compile(file, "rule", check.rule(), reads);
            var where = check.match().where() == null
                    ? null
                    : compile(file, "where", check.match().where(), reads);
            var detail = check.detail() == null ? null : compile(file, "detail", check.detail(), reads);
            var offending = check.offending() == null ? null : compile(file, "offending", check.offending(), reads);
            var unseen = check.unseen() == null ? null : compile(file, "unseen", check.unseen(), reads);
            // what the expressions read must have been collected, whether or not 'requires' says so
            required.addAll(expandKinds(file, List.copyOf(reads), "rule"));
            if (rule != null) {
                compiled.put(
                        check.id(),
                        new CompiledCheck(
                                check,
                                kinds,
                                List.copyOf(required),
                                rule,
                                where,
                                detail,
                                offending,
                                unseen,
                                file.display()));
            }
        }
        return compiled;
    }

    private boolean requireFields(CatalogFile file, CheckDefinition check) {
        var missing = new ArrayList<String>();
        if (check.id() == null) missing.add("id");
        if (check.title() == null) missing.add("title");
        if (check.severity() == null) missing.add("severity");
        if (check.category() == null) missing.add("category");
        if (check.match() == null
                || check.match().kinds() == null
                || check.match().kinds().isEmpty()) missing.add("match.kinds");
        if (check.rule() == null) missing.add("rule");
        if (check.message() == null) missing.add("message");
        if (check.rationale() == null) missing.add("rationale");
        if (check.remediation() == null) missing.add("remediation");
        if (!missing.isEmpty()) {
            problems.add(new CatalogProblem(file.display(), 0, "lacks required fields: " + String.join(", ", missing)));
        }
        return missing.isEmpty();
    }

    private List<String> expandKinds(CatalogFile file, List<String> kinds, String field) {
        var expanded = new ArrayList<String>();
        for (var kind : kinds) {
            if (kind.equals(WORKLOAD)) {
                expanded.addAll(WORKLOAD_KINDS);
            } else if (kind.equals(CLUSTER) || kind.contains("/") || KubernetesKinds.servedByKubernetes(kind)) {
                expanded.add(kind);
            } else {
                problems.add(new CatalogProblem(
                        file.display(),
                        lineOf(file, field.contains(".") ? "kinds" : field),
                        field + " names unknown kind '" + kind + "' (built-in kinds by name, others as group/Kind, "
                                + "or 'workload' / 'Cluster')"));
            }
        }
        return List.copyOf(new LinkedHashSet<>(expanded));
    }

    private void requireFixtures(CatalogFile file, String id, Set<String> names) {
        if (names.stream().noneMatch(n -> n.startsWith("compliant-"))) {
            problems.add(new CatalogProblem(
                    file.display(), 0, "check '" + id + "' has no compliant-*.yaml fixture in its fixtures/ folder"));
        }
        if (names.stream().noneMatch(n -> n.startsWith("violating-"))) {
            problems.add(new CatalogProblem(
                    file.display(), 0, "check '" + id + "' has no violating-*.yaml fixture in its fixtures/ folder"));
        }
    }

    /** Compiles one expression and adds the kinds it reads to {@code reads}. */
    private @Nullable Program compile(CatalogFile file, String key, String expression, Set<String> reads) {
        var start = new SourceLines(file.content()).valueStart(key);
        try {
            var ast = environment.compile(expression);
            reads.addAll(RuleReads.kinds(ast));
            return environment.program(ast);
        } catch (CelValidationException e) {
            for (var issue : e.getErrors()) {
                // an error "at the end" sits on the blank line a block scalar ends with: name the last real line
                var lines = (int) expression.strip().lines().count();
                var exprLine = Math.min(Math.max(issue.getSourceLocation().getLine(), 1), Math.max(lines, 1));
                var line = start == 0 ? 0 : start + exprLine - 1;
                problems.add(new CatalogProblem(
                        file.display(),
                        line,
                        key + " does not compile: " + issue.getMessage() + " (column "
                                + issue.getSourceLocation().getColumn() + " of the expression)"));
            }
        } catch (CelEvaluationException e) {
            problems.add(new CatalogProblem(file.display(), start, key + " cannot be prepared: " + e.getMessage()));
        }
        return null;
    }

    private void validateFrameworks(List<Located<FrameworkDefinition>> frameworks, Map<String, CompiledCheck> checks) {
        var ids = new HashMap<String, String>();
        for (var located : frameworks) {
            var framework = located.value();
            var file = located.file();
            if (framework.id() == null
                    || framework.name() == null
                    || framework.controls() == null
                    || framework.sections() == null) {
                problems.add(
                        new CatalogProblem(file.display(), 0, "lacks required fields: id, name, sections, controls"));
                continue;
            }
            var previous = ids.put(framework.id(), file.display());
            if (previous != null) {
                problems.add(new CatalogProblem(
                        file.display(),
                        lineOf(file, "id"),
                        "duplicate framework id '" + framework.id() + "' (also in " + previous + ")"));
            }
            var sections = framework.sections().stream().map(Section::id).collect(Collectors.toSet());
            var refs = new HashSet<String>();
            var lines = new SourceLines(file.content());
            for (var control : framework.controls()) {
                var line = lines.find("ref:\\s*[\"']?" + Pattern.quote(String.valueOf(control.ref())) + "[\"']?\\s*$");
                validateControl(file, line, control, sections, refs, checks);
            }
        }
    }

    private void validateControl(
            CatalogFile file,
            int line,
            ControlDefinition control,
            Set<String> sections,
            Set<String> refs,
            Map<String, CompiledCheck> checks) {
        if (control.ref() == null
                || control.title() == null
                || control.type() == null
                || control.section() == null
                || control.description() == null) {
            problems.add(new CatalogProblem(
                    file.display(), line, "control lacks one of ref, section, title, description, type"));
            return;
        }
        if (!refs.add(control.ref())) {
            problems.add(new CatalogProblem(file.display(), line, "duplicate control ref '" + control.ref() + "'"));
        }
        if (!sections.contains(control.section())) {
            problems.add(new CatalogProblem(
                    file.display(),
                    line,
                    "control " + control.ref() + " names section '" + control.section()
                            + "', which the framework does not define"));
        }
        if (control.checked() && control.mappedChecks().isEmpty()) {
            problems.add(new CatalogProblem(
                    file.display(),
                    line,
                    "control " + control.ref() + " is 'type: " + control.type().id()
                            + "' but has no check; mark it 'type: attestation' if no API object can prove it"));
        }
        if (control.type() == ControlType.ATTESTATION && !control.mappedChecks().isEmpty()) {
            problems.add(new CatalogProblem(
                    file.display(),
                    line,
                    "attestation control " + control.ref()
                            + " lists checks; mark it 'type: hybrid' if checks prove a part of it"));
        }
        if (control.attested() && control.attestation() == null) {
            problems.add(new CatalogProblem(
                    file.display(),
                    line,
                    control.type().id() + " control " + control.ref()
                            + " needs an 'attestation' block (prompt, validity) saying what a person attests"));
        }
        for (var mapping : control.mappedChecks()) {
            var check = checks.get(mapping.id());
            if (check == null) {
                problems.add(new CatalogProblem(
                        file.display(),
                        line,
                        "control " + control.ref() + " refers to check '" + mapping.id() + "', which does not exist"));
            } else if (check.mayLeaveEvidenceUnseen() && control.type() != ControlType.HYBRID) {
                // an unseen result is NOT_APPLICABLE: an automated control would simply drop it and pass on the rest
                problems.add(new CatalogProblem(
                        file.display(),
                        line,
                        control.type().id() + " control " + control.ref() + " maps check '" + mapping.id()
                                + "', whose evidence can be out of the API's sight ('unseen'); mark the control"
                                + " 'type: hybrid' so an attestation covers what the check cannot see"));
            }
            if (mapping.why() == null || mapping.why().isBlank()) {
                problems.add(new CatalogProblem(
                        file.display(),
                        line,
                        "control " + control.ref() + " maps check '" + mapping.id()
                                + "' without saying why it is evidence"));
            }
        }
    }

    private static int lineOf(CatalogFile file, String key) {
        return new SourceLines(file.content()).find("^\\s*" + Pattern.quote(key) + ":");
    }

    static String sha256(String text) {
        return CanonicalJson.sha256(text);
    }
}
