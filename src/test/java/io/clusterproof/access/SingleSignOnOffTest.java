package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.Http;
import io.clusterproof.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Without an issuer, nothing of single sign-on exists: no registration, no flow, password sign-in as before. */
@WebIntegrationTest
class SingleSignOnOffTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    SignInOptions options;

    @Test
    void without_an_issuer_there_is_no_client_registration_and_no_flow_to_start() {
        var start = new Http(port).get("/oauth2/authorization/sso");

        assertThat(context.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable())
                .isNull();
        assertThat(options.singleSignOnProvider()).isEmpty();
        assertThat(options.localSignInOpen()).isTrue();
        assertThat(start.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
