package io.clusterproof.drift;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes one webhook call: POSTs the stored body with a delivery id, and, when the webhook has a
 * secret, an {@code X-ClusterProof-Signature: sha256=<hex HMAC-SHA256 of the body>} header the
 * receiver can check. Errors are described without the URL's path, which may be a credential.
 */
@Component
class WebhookSender {

    static final String SIGNATURE_HEADER = "X-ClusterProof-Signature";
    static final String EVENT_HEADER = "X-ClusterProof-Event";
    static final String DELIVERY_HEADER = "X-ClusterProof-Delivery";

    /** How an attempt went. {@code retry} is false when trying again cannot help (the receiver refused it). */
    record Outcome(
            boolean delivered,
            boolean retry,
            @Nullable Integer statusCode,
            @Nullable String error) {}

    private final HttpClient http;
    private final DriftProperties properties;

    WebhookSender(HttpClient webhookHttpClient, DriftProperties properties) {
        this.http = webhookHttpClient;
        this.properties = properties;
    }

    Outcome send(String url, @Nullable String secret, long deliveryId, String event, String body) {
        HttpRequest request;
        try {
            var builder = HttpRequest.newBuilder(URI.create(url))
                    .timeout(properties.webhookTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "ClusterProof-Webhook/1")
                    .header(EVENT_HEADER, event)
                    .header(DELIVERY_HEADER, String.valueOf(deliveryId))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (secret != null) {
                builder.header(SIGNATURE_HEADER, signature(secret, body));
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return new Outcome(false, false, null, "the URL cannot be called: " + WebhookUrls.mask(url));
        }
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            var status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, false, status, null);
            }
            return new Outcome(
                    false, retryable(status), status, "the receiver answered HTTP " + status + explain(status));
        } catch (IOException e) {
            return new Outcome(false, true, null, describe(e, url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, true, null, "interrupted while sending (the application is stopping)");
        }
    }

    /** {@code sha256=} and the lower-case hex HMAC-SHA256 of the UTF-8 body under the secret. */
    static String signature(String secret, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** A redirect, a client error other than timeouts and rate limits: the configuration is wrong. */
    private static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 425 || status == 429;
    }

    private static String explain(int status) {
        if (status >= 300 && status < 400) {
            return " (a redirect, which is not followed: enter the URL it points to)";
        }
        if (status == 401 || status == 403) {
            return " (refused: check the URL and the signing secret)";
        }
        if (status == 404 || status == 410) {
            return " (no such webhook at this URL)";
        }
        return "";
    }

    private String describe(IOException e, String url) {
        var kind = e.getClass().getSimpleName();
        var message = e.getMessage() == null ? "" : e.getMessage().replace(url, WebhookUrls.mask(url));
        return switch (kind) {
            case "HttpConnectTimeoutException" ->
                "could not connect within " + properties.webhookConnectTimeout().toMillis() + " ms";
            case "HttpTimeoutException" ->
                "no answer within " + properties.webhookTimeout().toMillis() + " ms";
            case "ConnectException" -> "could not connect" + (message.isEmpty() ? "" : ": " + message);
            case "UnknownHostException" -> "unknown host " + message;
            default -> kind + (message.isEmpty() ? "" : ": " + message);
        };
    }
}
