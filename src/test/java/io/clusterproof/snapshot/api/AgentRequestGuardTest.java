package io.clusterproof.snapshot.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.snapshot.AgentProperties;
import io.clusterproof.support.GzipBomb;
import io.clusterproof.support.WebIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a stranger may make the server do on the agent endpoints: a request without a credential
 * the server issued is refused before its body is read, whatever that body would inflate to; and
 * a registration, which needs no credential, is held to the size of a token and a key.
 */
@WebIntegrationTest
class AgentRequestGuardTest {

    @LocalServerPort
    int port;

    @Autowired
    AgentProperties properties;

    @Test
    void a_stranger_with_a_credential_never_issued_is_refused_before_its_body_is_read() throws Exception {
        var response = send("/api/v1/agent/pushes", "Bearer cpa_never-issued", bomb());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).contains("The agent credential is not known; register the agent again.");
    }

    @Test
    void a_request_without_a_credential_is_refused_before_its_body_is_read() throws Exception {
        var response = send("/api/v1/agent/pushes/1/bodies", null, bomb());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).contains("Send the agent's credential as Authorization: Bearer cpa_...");
    }

    @Test
    void a_registration_larger_than_a_token_and_a_key_is_refused_with_a_message_saying_so() throws Exception {
        var response = send(
                "/api/v1/agent/registrations",
                null,
                GzipBomb.of("{\"token\":\"x\",\"publicKey\":", AgentRequestDecoding.REGISTRATION_LIMIT + 1));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body())
                .contains(
                        "The request to /api/v1/agent/registrations expands past 64 KiB once decompressed",
                        "a registration holds a token and a public key");
    }

    /** More than the server lets a known agent send: a server that read it would answer 413. */
    private byte[] bomb() {
        return GzipBomb.of("{\"signature\":\"x\",\"manifest\":", properties.maxRequestBytes() + (2 << 20));
    }

    private HttpResponse<String> send(String path, @Nullable String authorization, byte[] gzipped) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
