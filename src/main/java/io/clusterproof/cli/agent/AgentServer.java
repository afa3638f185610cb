package io.clusterproof.cli.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clusterproof.snapshot.AgentManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/** The server's agent endpoints over {@link HttpClient}, with errors that say what to do. */
final class AgentServer {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record Registered(long clusterId, String clusterName, String credential, String keyFingerprint) {}

    record Offer(long pushId, @Nullable Long snapshotId, List<String> missing) {}

    record Body(String digest, String gzip) {}

    record Committed(long snapshotId, int objects, String status) {}

    /** The server refused or could not be reached; {@code status} is 0 when no answer came. */
    static final class Failure extends RuntimeException {

        private final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }

        /** The credential is no good (401, 403): retrying will not help. */
        boolean credentialRefused() {
            return status == 401 || status == 403;
        }
    }

    private final String base;
    private final HttpClient http;
    private @Nullable String credential;

    AgentServer(String url) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    AgentServer withCredential(String credential) {
        this.credential = credential;
        return this;
    }

    Registered register(String token, String publicKey) {
        return call(
                "POST",
                "/api/v1/agent/registrations",
                Map.of("token", token, "publicKey", publicKey),
                Registered.class);
    }

    Offer offer(AgentManifest manifest, String signature) {
        return call("POST", "/api/v1/agent/pushes", Map.of("manifest", manifest, "signature", signature), Offer.class);
    }

    void bodies(long pushId, List<Body> bodies) {
        call("POST", "/api/v1/agent/pushes/" + pushId + "/bodies", Map.of("bodies", bodies), JsonNode.class);
    }

    Committed commit(long pushId) {
        return call("POST", "/api/v1/agent/pushes/" + pushId + "/commit", null, Committed.class);
    }

    boolean collectionRequested() {
        return call("GET", "/api/v1/agent/instructions", null, JsonNode.class)
                .path("collectNow")
                .asBoolean(false);
    }

    private <T> T call(String method, String path, @Nullable Object body, Class<T> answer) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json");
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .header("Content-Encoding", "gzip")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(gzipJson(body)));
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new Failure(response.statusCode(), describe(response));
            }
            return JSON.readValue(response.body(), answer);
        } catch (ConnectException e) {
            throw new Failure(0, "the server at " + base + " could not be reached (" + e.getMessage() + ")");
        } catch (HttpTimeoutException e) {
            throw new Failure(0, "the server at " + base + " did not answer in time");
        } catch (IOException e) {
            throw new Failure(0, "the exchange with " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(0, "interrupted while talking to " + base);
        }
    }

    /**
     * The JSON of a request, gzip-compressed as it is written: a manifest of 250,000 objects is some
     * 40 MB of JSON, and only its compressed form is ever held in memory.
     */
    static byte[] gzipJson(Object body) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes, 64 * 1024)) {
            JSON.writeValue(gzip, body);
        }
        return bytes.toByteArray();
    }

    private String describe(HttpResponse<byte[]> response) {
        String detail;
        try {
            detail = JSON.readTree(response.body()).path("detail").asText("");
        } catch (IOException e) {
            detail = "";
        }
        var what = switch (response.statusCode()) {
            case 401 -> "the server refused the agent's credentials (401)";
            case 403 -> "the server forbids this to the agent (403)";
            case 404 -> "not found on the server (404); is " + base + " a ClusterProof server?";
            default -> "the server answered " + response.statusCode();
        };
        return detail.isBlank() ? what : what + ": " + detail;
    }
}
