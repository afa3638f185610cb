package io.clusterproof.access;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.AbstractServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Password sign-in rules always; the single sign-on beans only when an issuer is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SingleSignOnProperties.class)
class SingleSignOnConfiguration {

    @Bean
    SignInOptions signInOptions(SingleSignOnProperties properties) {
        return new SignInOptions(properties);
    }

    @Bean
    PasswordSignInPolicy passwordSignInPolicy(SignInOptions options) {
        return new PasswordSignInPolicy(options);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${clusterproof.access.oidc.issuer:}'.isBlank()")
    static class Enabled {

        @Bean
        DiscoveredClientRegistration clientRegistrations(SingleSignOnProperties properties) {
            return new DiscoveredClientRegistration(properties);
        }

        @Bean
        SingleSignOnAccounts singleSignOnAccounts(
                UserAccountRepository users, AuditLog auditLog, Clock clock, SingleSignOnProperties properties) {
            return new SingleSignOnAccounts(users, auditLog, clock, properties);
        }

        /**
         * The provider sends the browser back with a cross-site redirect; a SameSite=Strict session
         * cookie would not come with it, the authorisation request kept in the session would be lost
         * and the sign-in would fail. Lax still keeps the cookie off cross-site POSTs.
         */
        @Bean
        WebServerFactoryCustomizer<AbstractServletWebServerFactory> sessionCookieForSingleSignOn() {
            return new LaxSessionCookie();
        }

        @Bean
        SingleSignOn singleSignOn(DiscoveredClientRegistration registrations, SingleSignOnAccounts accounts) {
            return new SingleSignOn(registrations, accounts);
        }
    }

    /** Runs after the server.* properties are applied, so it wins over the configured Strict. */
    static final class LaxSessionCookie
            implements WebServerFactoryCustomizer<AbstractServletWebServerFactory>, Ordered {

        @Override
        public void customize(AbstractServletWebServerFactory factory) {
            factory.getSession().getCookie().setSameSite(Cookie.SameSite.LAX);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
