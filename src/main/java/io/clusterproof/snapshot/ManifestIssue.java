package io.clusterproof.snapshot;

/**
 * A problem with one document of a manifest source.
 *
 * @param source {@code file:line}, or {@code archive!entry:line}
 */
public record ManifestIssue(Level level, String source, String message) {

    public enum Level {
        ERROR,
        WARNING
    }

    public static ManifestIssue error(String source, String message) {
        return new ManifestIssue(Level.ERROR, source, message);
    }

    public static ManifestIssue warning(String source, String message) {
        return new ManifestIssue(Level.WARNING, source, message);
    }
}
