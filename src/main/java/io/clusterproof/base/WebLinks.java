package io.clusterproof.base;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Links people type (evidence, tickets) are followed by other people's browsers, so only absolute
 * {@code http:} and {@code https:} addresses with a host are accepted when stored and again when
 * shown: a {@code javascript:} or {@code data:} "link" would run in the reader's browser.
 */
public final class WebLinks {

    private WebLinks() {}

    /**
     * The trimmed address, or null when blank.
     *
     * @throws InvalidInputException naming {@code field} when the value is not an http(s) address
     */
    public static @Nullable String optional(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.trim();
        if (!isWebUrl(text)) {
            throw new InvalidInputException(
                    field,
                    "The " + field + " must be a web address starting with https:// or http://, such as"
                            + " https://tickets.example.com/RISK-12.");
        }
        return text;
    }

    /** Whether the text is an absolute http(s) address with a host: safe to put in an {@code href}. */
    public static boolean isWebUrl(@Nullable String value) {
        if (value == null || value.isBlank() || value.length() > 2000) {
            return false;
        }
        try {
            var uri = new URI(value.trim());
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
