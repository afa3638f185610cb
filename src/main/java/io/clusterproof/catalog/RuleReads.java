package io.clusterproof.catalog;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kinds of the snapshot a compiled expression reads besides the object it is evaluated on:
 * those of every {@link CheckVariable} it names, and each kind written literally in
 * {@code objects('Kind')}. A name a comprehension or {@code cel.bind} reuses for a local counts
 * too: reading one kind too many can only turn a result into UNKNOWN, never into a PASS.
 */
final class RuleReads {

    private RuleReads() {}

    static Set<String> kinds(CelAbstractSyntaxTree ast) {
        var kinds = new TreeSet<String>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> {
            var expr = node.expr();
            switch (expr.getKind()) {
                case IDENT -> CheckVariable.named(expr.ident().name()).ifPresent(v -> kinds.addAll(v.reads()));
                case CALL -> literalKind(expr).ifPresent(kinds::add);
                default -> {}
            }
        });
        return kinds;
    }

    private static Optional<String> literalKind(CelExpr expr) {
        var call = expr.call();
        if (!call.function().equals(CheckVariables.OBJECTS_FUNCTION)
                || call.target().isPresent()
                || call.args().isEmpty()) {
            return Optional.empty();
        }
        var first = call.args().get(0);
        return first.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                        && first.constant().getKind() == CelConstant.Kind.STRING_VALUE
                ? Optional.of(first.constant().stringValue())
                : Optional.empty();
    }
}
