package io.clusterproof.access;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

        @Bean
        SingleSignOn singleSignOn(DiscoveredClientRegistration registrations, SingleSignOnAccounts accounts) {
            return new SingleSignOn(registrations, accounts);
        }
    }
}
