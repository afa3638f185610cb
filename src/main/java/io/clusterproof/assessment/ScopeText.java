package io.clusterproof.assessment;

import io.clusterproof.catalog.FrameworkDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A framework's scope in words, for the red "scope empty" message and NOT_APPLICABLE reasons. */
public final class ScopeText {

    private ScopeText() {}

    /** What the dashboard, the PDF and the CLI say instead of a score when nothing is in scope. */
    public static String empty(FrameworkDefinition framework) {
        var labels = labels(framework);
        return "Scope empty: nothing in this cluster is in the scope of " + framework.name() + " ("
                + Scoring.scopeText(framework) + "), so it is not scored. "
                + (labels.isEmpty()
                        ? "Collect the namespaces that hold its data."
                        : "Label namespaces with " + labels + " to bring them in scope.");
    }

    /** The selector's labels as {@code key=value}, or its expressions as written. */
    static String labels(FrameworkDefinition framework) {
        var selector = framework.effectiveScope().namespaceSelector();
        if (selector == null) {
            return "";
        }
        var parts = new ArrayList<String>();
        if (selector.get("matchLabels") instanceof Map<?, ?> matchLabels) {
            matchLabels.forEach((k, v) -> parts.add(k + "=" + v));
        }
        if (selector.get("matchExpressions") instanceof List<?> expressions) {
            for (var expression : expressions) {
                if (expression instanceof Map<?, ?> e) {
                    var values = e.get("values") instanceof List<?> list
                            ? list.stream().map(String::valueOf).collect(Collectors.joining(",", " (", ")"))
                            : "";
                    parts.add(e.get("key") + " " + e.get("operator") + values);
                }
            }
        }
        return String.join(", ", parts);
    }
}
