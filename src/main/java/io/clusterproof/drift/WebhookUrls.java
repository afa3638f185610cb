package io.clusterproof.drift;

import io.clusterproof.base.UserFacingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which URLs may receive webhooks (http and https, with a host, without credentials in them), and
 * how a URL is shown: its path can be a credential (Slack puts the token there), so only the
 * scheme, host and first path segment are shown.
 */
final class WebhookUrls {

    static final int MAX_LENGTH = 2000;
    private static final int MAX_SHOWN_SEGMENT = 24;

    private WebhookUrls() {}

    static URI validate(String url) {
        var text = url == null ? "" : url.trim();
        if (text.isEmpty()) {
            throw new UserFacingException(
                    "Enter the URL that receives the alerts, such as https://hooks.example.com/clusterproof.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new UserFacingException("The URL is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new UserFacingException("\"" + mask(text) + "\" is not a valid URL: " + e.getReason() + ".");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UserFacingException("Only http:// and https:// URLs can receive webhooks"
                    + (scheme.isEmpty() ? "; the URL needs one of them at the start." : ", not " + scheme + "://."));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new UserFacingException("The URL needs a host name, such as https://hooks.example.com/clusterproof.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UserFacingException("Leave user names and passwords out of the URL: it is shown on this page. "
                    + "Use the signing secret to let the receiver check who calls.");
        }
        if (uri.getRawFragment() != null) {
            throw new UserFacingException("A webhook URL cannot have a #fragment: it is never sent to the server.");
        }
        return uri;
    }

    /** {@code https://hooks.slack.com/services/…}: enough to recognise, not enough to call. */
    static String mask(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "(invalid URL)";
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            return "(invalid URL)";
        }
        var host = uri.getHost() == null ? "" : uri.getHost();
        var shown = new StringBuilder(uri.getScheme().toLowerCase(Locale.ROOT))
                .append("://")
                .append(host);
        if (uri.getPort() >= 0) {
            shown.append(':').append(uri.getPort());
        }
        var path = uri.getRawPath() == null ? "" : uri.getRawPath();
        var segments = path.split("/");
        var first = segments.length > 1 ? segments[1] : "";
        // a long first segment may itself be a token
        var showFirst = !first.isEmpty() && first.length() <= MAX_SHOWN_SEGMENT;
        if (showFirst) {
            shown.append('/').append(first);
        }
        if (segments.length > 2 || uri.getRawQuery() != null || (!first.isEmpty() && !showFirst)) {
            shown.append("/…");
        }
        return shown.toString();
    }
}
