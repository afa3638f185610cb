package io.clusterproof.assessment;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionResolver;
import dev.cel.runtime.Program;
import io.clusterproof.catalog.CompiledCheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Evaluates one compiled check on one object. A rule that fails to evaluate gives ERROR, never PASS. */
final class CheckRunner {

    private static final int MAX_MESSAGE = 2000;

    private CheckRunner() {}

    static Finding evaluate(
            CompiledCheck check,
            AssessedObject object,
            ObjectVariables variables,
            CelFunctionResolver functions,
            String podSpecPath,
            Set<String> frameworks) {
        var definition = check.definition();
        try {
            if (check.where() != null && !Boolean.TRUE.equals(check.where().eval(variables, functions))) {
                return finding(
                        check,
                        object,
                        FindingStatus.NOT_APPLICABLE,
                        "Does not apply: " + definition.title(),
                        List.of(),
                        frameworks);
            }
            var outcome = check.rule().eval(variables, functions);
            if (!(outcome instanceof Boolean passed)) {
                return finding(
                        check,
                        object,
                        FindingStatus.ERROR,
                        "The rule gave " + describe(outcome) + " instead of true or false",
                        List.of(),
                        frameworks);
            }
            if (passed) {
                var unseen = unseen(check, variables, functions);
                if (!unseen.isEmpty()) {
                    return finding(
                            check,
                            object,
                            FindingStatus.NOT_APPLICABLE,
                            truncate(FindingOutcome.OUT_OF_SIGHT_PREFIX + unseen),
                            List.of(),
                            frameworks);
                }
                return finding(
                        check,
                        object,
                        FindingStatus.PASS,
                        definition.title(),
                        resolve(definition.inspectedPaths(), podSpecPath),
                        frameworks);
            }
            return finding(
                    check,
                    object,
                    FindingStatus.FAIL,
                    failureMessage(check, variables, functions),
                    offendingPaths(check, variables, functions, podSpecPath),
                    frameworks);
        } catch (CelEvaluationException | RuntimeException e) {
            return finding(
                    check,
                    object,
                    FindingStatus.ERROR,
                    "The rule could not be evaluated: " + e.getMessage(),
                    List.of(),
                    frameworks);
        }
    }

    /**
     * What the rule could not see, when its pass is only as good as the evidence in sight; an
     * expression that does not give a string is an error, never a pass.
     */
    private static String unseen(CompiledCheck check, ObjectVariables variables, CelFunctionResolver functions)
            throws CelEvaluationException {
        if (check.unseen() == null) {
            return "";
        }
        var outcome = check.unseen().eval(variables, functions);
        if (!(outcome instanceof String text)) {
            throw new IllegalStateException("'unseen' gave " + describe(outcome) + " instead of a string");
        }
        return text.strip();
    }

    private static String truncate(String message) {
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
    }

    private static String failureMessage(
            CompiledCheck check, ObjectVariables variables, CelFunctionResolver functions) {
        var message = check.definition().message();
        if (check.detail() != null) {
            try {
                var detail = String.valueOf(check.detail().eval(variables, functions));
                if (!detail.isBlank()) {
                    message = message + ": " + detail;
                }
            } catch (CelEvaluationException | RuntimeException e) {
                message = message + " (detail unavailable: " + e.getMessage() + ")";
            }
        }
        return truncate(message);
    }

    private static List<String> offendingPaths(
            CompiledCheck check, ObjectVariables variables, CelFunctionResolver functions, String podSpecPath) {
        Program offending = check.offending();
        if (offending != null) {
            try {
                if (offending.eval(variables, functions) instanceof Collection<?> paths && !paths.isEmpty()) {
                    return paths.stream().map(String::valueOf).distinct().toList();
                }
            } catch (CelEvaluationException | RuntimeException e) {
                // fall back to the declared paths: the failure itself stands
            }
        }
        return resolve(check.definition().inspectedPaths(), podSpecPath);
    }

    /** Turns {@code podSpec.x} and {@code containers[*].y} into the object's own paths. */
    static List<String> resolve(List<String> declared, String podSpecPath) {
        var resolved = new ArrayList<String>(declared.size());
        for (var path : declared) {
            if (podSpecPath.isEmpty()) {
                resolved.add(path);
            } else if (path.startsWith("podSpec.")) {
                resolved.add(podSpecPath + path.substring("podSpec".length()));
            } else if (path.startsWith("podMeta.")) {
                var metaPath = podSpecPath.equals("spec")
                        ? "metadata"
                        : podSpecPath.substring(0, podSpecPath.length() - ".spec".length()) + ".metadata";
                resolved.add(metaPath + path.substring("podMeta".length()));
            } else if (path.startsWith("containers[*]")) {
                resolved.add(podSpecPath + "." + path);
            } else {
                resolved.add(path);
            }
        }
        return resolved;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    static Finding finding(
            CompiledCheck check,
            AssessedObject object,
            FindingStatus status,
            String message,
            List<String> paths,
            Set<String> frameworks) {
        return new Finding(
                check.id(),
                status,
                check.definition().severity(),
                object.key(),
                object.apiVersion(),
                message,
                paths,
                frameworks,
                object.digest(),
                null);
    }
}
