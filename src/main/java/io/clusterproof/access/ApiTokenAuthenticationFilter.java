package io.clusterproof.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer cp_...} requests on the API chain. */
@Component
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    /** Request attribute: why a presented token was not accepted, for the 401 answer. */
    static final String REJECTION = ApiTokenAuthenticationFilter.class.getName() + ".rejection";

    private final ApiTokenService tokens;

    ApiTokenAuthenticationFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith(BEARER)) {
            var presented = header.substring(BEARER.length()).trim();
            // anything else, an agent's credential (cpa_) included, is refused without a database
            // connection: many agents at once took the pool's connections here before their requests started
            var check = presented.startsWith(ApiTokenService.PREFIX)
                    ? tokens.authenticateInTransaction(presented)
                    : ApiTokenService.Check.rejected(ApiTokenService.NOT_AN_API_TOKEN);
            if (check.token() != null) {
                SecurityContextHolder.getContext().setAuthentication(new TokenAuthentication(check.token()));
            } else {
                request.setAttribute(REJECTION, check.rejection());
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The principal name is {@code token:<name>}, which is what the audit log records as actor. The
     * administrator who created the token is accountable for it: separation-of-duty rules treat
     * the token's actions as theirs.
     */
    static final class TokenAuthentication extends AbstractAuthenticationToken
            implements AccountableActor, TeamBoundActor {

        private final String name;
        private final String accountable;
        private final @Nullable String team;

        TokenAuthentication(ApiTokenService.Authenticated token) {
            super(List.of(new SimpleGrantedAuthority(token.role().authority())));
            this.name = "token:" + token.name();
            this.accountable = token.createdBy();
            this.team = token.team();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String accountablePerson() {
            return accountable;
        }

        @Override
        public @Nullable String team() {
            return team;
        }
    }
}
