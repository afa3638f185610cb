package io.clusterproof.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.clusterproof.access.ui.LoginView;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Two filter chains: the REST API under {@code /api} (stateless, API tokens, 401 without one) and
 * everything else (Vaadin views behind the sign-in page). Health probes are the only anonymous
 * endpoints for people; they say UP or DOWN and nothing else. The agent endpoints under {@code
 * /api/v1/agent} take no API token: in-cluster agents present their own credential, which the
 * snapshot module checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(AccessProperties.class)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * As strict as Vaadin Flow allows: its bootstrap runs an inline script and its client engine
     * builds functions from what the server sends ({@code unsafe-inline}, {@code unsafe-eval}); all
     * else comes from this origin only, and no other site may frame the application.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Content-Security-Policy, X-Content-Type-Options and Referrer-Policy on every response. */
    private static void securityHeaders(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenAuthenticationFilter tokenFilter, ObjectMapper json)
            throws Exception {
        var problems = new ApiProblemResponses(json);
        securityHeaders(http);
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // agents authenticate with their registration token or credential and sign what they push
                        .requestMatchers(HttpMethod.POST, "/api/v1/agent/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/agent/instructions")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAnyRole(Role.ADMIN_NAME, Role.AUDITOR_NAME)
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(tokenFilter, AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(
            HttpSecurity http, SessionRegistry sessionRegistry, ObjectProvider<SingleSignOn> singleSignOn)
            throws Exception {
        securityHeaders(http);
        http.sessionManagement(session ->
                session.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login"));
        http.authorizeHttpRequests(
                auth -> auth.requestMatchers("/styles/**", "/icons/**").permitAll());
        // Vaadin exempts its login page from the CSRF check; the sign-in POST still needs the token
        http.addFilterAfter(new SignInCsrfFilter("/login"), CsrfFilter.class);
        var sso = singleSignOn.getIfAvailable();
        if (sso != null) {
            sso.addSignIn(http);
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
                    vaadin.loginView(LoginView.class);
                    if (sso != null) {
                        sso.addSignOut(vaadin);
                    }
                })
                .build();
    }

    @Bean
    SignInRegistry sessionRegistry(Clock clock) {
        return new SignInRegistry(clock);
    }

    /** Tells the session registry when the servlet container ends a session (sign-out, timeout). */
    @Bean
    static ServletListenerRegistrationBean<HttpSessionEventPublisher> sessionEventPublisher() {
        return new ServletListenerRegistrationBean<>(new HttpSessionEventPublisher());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider passwordAuthentication(
            AccountUserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, encoder, throttle);
    }
}
