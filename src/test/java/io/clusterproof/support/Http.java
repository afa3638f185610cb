package io.clusterproof.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A small HTTP client for tests against the real server: keeps cookies, never follows redirects. */
public final class Http {

    private static final Pattern CSRF =
            Pattern.compile("_csrf_parameter\" content=\"([^\"]+)\".*?_csrf\" content=\"([^\"]+)\"", Pattern.DOTALL);

    private final String base;
    private final HttpClient client;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<String> get(String path, String bearerToken) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + bearerToken)
                .GET()
                .build());
    }

    /** A call with a bearer token and an optional JSON body (null sends none). */
    public HttpResponse<String> call(String method, String path, String bearerToken, String json) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + bearerToken);
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(builder.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return base + path;
    }

    /** Form sign-in the way the browser does it: fetch the page for its CSRF token, then post. */
    public HttpResponse<String> signIn(String username, String password) {
        var page = get("/login").body();
        var matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        var form = "username=" + encode(username) + "&password=" + encode(password) + "&" + matcher.group(1) + "="
                + encode(matcher.group(2));
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
