package io.clusterproof.assessment;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** How finding lists are kept in single columns: paths one per line, framework ids as ",a,b," for LIKE queries. */
final class FindingRows {

    private static final int MAX_PATHS = 4000;
    private static final int MAX_MESSAGE = 2000;

    private FindingRows() {}

    static String joinPaths(List<String> paths) {
        var joined = String.join("\n", paths);
        return joined.length() <= MAX_PATHS ? joined : joined.substring(0, joined.lastIndexOf('\n', MAX_PATHS));
    }

    static List<String> splitPaths(String paths) {
        return paths.isEmpty() ? List.of() : List.of(paths.split("\n"));
    }

    static String joinFrameworks(Collection<String> frameworks) {
        return frameworks.isEmpty() ? "," : "," + String.join(",", new TreeSet<>(frameworks)) + ",";
    }

    static Set<String> splitFrameworks(String frameworks) {
        return Set.copyOf(
                Arrays.stream(frameworks.split(",")).filter(s -> !s.isEmpty()).toList());
    }

    static String truncateMessage(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
