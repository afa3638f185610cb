package io.clusterproof.catalog;

import java.util.Locale;

/**
 * The repository an image reference names, as a rule compares it: digest and tag removed, Docker
 * Hub's implicit registry and {@code library/} namespace written out. {@code fluent/fluent-bit:3.1}
 * and {@code docker.io/fluent/fluent-bit@sha256:…} are both {@code docker.io/fluent/fluent-bit};
 * {@code vectorizer} is {@code docker.io/library/vectorizer}, which no agent list should mistake
 * for {@code timberio/vector}.
 */
public final class ImageReferences {

    private ImageReferences() {}

    public static String repository(String image) {
        var reference = image.trim();
        var at = reference.indexOf('@');
        if (at >= 0) {
            reference = reference.substring(0, at);
        }
        var colon = reference.lastIndexOf(':');
        if (colon > reference.lastIndexOf('/')) {
            reference = reference.substring(0, colon);
        }
        var slash = reference.indexOf('/');
        if (slash < 0) {
            return "docker.io/library/" + reference;
        }
        var host = reference.substring(0, slash);
        if (host.contains(".") || host.contains(":") || host.equals("localhost")) {
            return host.toLowerCase(Locale.ROOT).equals("index.docker.io")
                    ? "docker.io" + reference.substring(slash)
                    : reference;
        }
        return "docker.io/" + reference;
    }

    /**
     * Whether the image is one of the repositories, given as paths without a registry
     * ({@code fluent/fluent-bit}) or with one ({@code cr.fluentbit.io/fluent/fluent-bit}): whole
     * path components must match, so a mirror ({@code registry.example/mirror/fluent/fluent-bit})
     * counts and a lookalike ({@code fluent/fluent-bit-fake}, {@code vectorizer}) does not.
     */
    public static boolean isOneOf(String image, Iterable<?> repositories) {
        var repository = repository(image);
        for (var candidate : repositories) {
            var path = String.valueOf(candidate);
            if (repository.equals(path) || repository.endsWith("/" + path)) {
                return true;
            }
        }
        return false;
    }
}
