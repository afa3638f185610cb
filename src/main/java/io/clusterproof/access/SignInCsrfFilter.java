package io.clusterproof.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires the session's CSRF token on the sign-in form's POST. Vaadin's security configurer
 * exempts its login page from Spring's CSRF check; without this, another site could sign a
 * visitor's browser in to an account of the attacker's choosing (login CSRF). Vaadin's login form
 * sends the token from the page's {@code _csrf} meta tags, so it passes.
 */
final class SignInCsrfFilter extends OncePerRequestFilter {

    private final RequestMatcher signIn;
    private final CsrfTokenRequestHandler tokens = new XorCsrfTokenRequestAttributeHandler();

    SignInCsrfFilter(String loginPath) {
        this.signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signIn.matches(request) && !carriesSessionToken(request)) {
            // written here, not through sendError: the error page would answer with a redirect to sign in
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .write("Refused: the sign-in form was not sent from this application's sign-in page."
                            + " Open the sign-in page again and retry.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Spring's CsrfFilter has already put the session's (deferred, unmasked) token on the request. */
    private boolean carriesSessionToken(HttpServletRequest request) {
        if (!(request.getAttribute(DeferredCsrfToken.class.getName()) instanceof DeferredCsrfToken deferred)) {
            return false;
        }
        var expected = deferred.get();
        var presented = tokens.resolveCsrfTokenValue(request, expected);
        return presented != null
                && MessageDigest.isEqual(
                        expected.getToken().getBytes(StandardCharsets.UTF_8),
                        presented.getBytes(StandardCharsets.UTF_8));
    }
}
