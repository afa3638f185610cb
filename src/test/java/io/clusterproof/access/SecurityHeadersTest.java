package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.Http;
import io.clusterproof.support.WebIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sign-in page, the application shell and the API answer with the browser protections. */
@WebIntegrationTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void every_kind_of_response_carries_csp_nosniff_and_referrer_policy() {
        var http = new Http(port);
        for (var path : List.of("/login", "/", "/api/v1/clusters", "/actuator/health")) {
            var headers = http.get(path).headers();

            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .contains("object-src 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("same-origin");
        }
    }
}
