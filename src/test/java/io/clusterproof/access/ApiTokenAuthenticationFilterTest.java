package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A bearer that is no API token (an agent's credential, on every call of every agent) is refused
 * by its prefix, without a database connection: fifty agents at once each took one here before
 * their request even started, and when the pool ran dry the failure escaped the API's error
 * handling as a redirect to the sign-in page.
 */
class ApiTokenAuthenticationFilterTest {

    @Test
    void an_agent_credential_is_not_looked_up_as_an_api_token() throws Exception {
        var tokens = mock(ApiTokenService.class);
        var request = new MockHttpServletRequest("POST", "/api/v1/agent/pushes");
        request.addHeader("Authorization", "Bearer cpa_an-agent-credential");
        var chain = new MockFilterChain();

        new ApiTokenAuthenticationFilter(tokens).doFilter(request, new MockHttpServletResponse(), chain);

        verify(tokens, never()).authenticateInTransaction(anyString());
        assertThat(request.getAttribute(ApiTokenAuthenticationFilter.REJECTION))
                .isEqualTo("This is not a ClusterProof API token.");
        assertThat(chain.getRequest()).as("the request goes on").isSameAs(request);
    }
}
