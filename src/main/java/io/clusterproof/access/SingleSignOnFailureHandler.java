package io.clusterproof.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a refused single sign-on to a page that says why. Refusals by our own rules are already
 * in the audit log; errors the provider reported (a cancelled sign-in, an expired request) are
 * recorded here.
 */
class SingleSignOnFailureHandler implements AuthenticationFailureHandler {

    static final String REFUSED_PAGE = "/signin-refused";

    private final SingleSignOnAccounts accounts;
    private final DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();

    SingleSignOnFailureHandler(SingleSignOnAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        var code = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : exception.getClass().getSimpleName();
        var refusal = SingleSignOnRefusal.ofCode(code).orElse(null);
        if (refusal == null) {
            accounts.recordProviderError(code);
            refusal = SingleSignOnRefusal.PROVIDER_ERROR;
        }
        redirect.sendRedirect(request, response, REFUSED_PAGE + "?reason=" + refusal.code());
    }
}
