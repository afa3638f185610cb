package io.clusterproof.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the {@code admin} account on the first start. Its password comes from
 * {@code CLUSTERPROOF_ADMIN_PASSWORD}, or is generated and written to the log this one time.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AccessProperties properties;
    private final AuditLog auditLog;
    private final Clock clock;

    AdminBootstrap(
            UserAccountRepository users,
            PasswordEncoder passwordEncoder,
            AccessProperties properties,
            AuditLog auditLog,
            Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.existsByRole(Role.ADMIN)) {
            return;
        }
        var configured = properties.adminPassword();
        var password = configured.isBlank() ? generatePassword() : configured;
        PasswordPolicy.check(ADMIN_USERNAME, password);
        var admin = users.save(new UserAccount(
                ADMIN_USERNAME,
                "Administrator",
                passwordEncoder.encode(password),
                Role.ADMIN,
                null,
                false,
                clock.instant()));
        auditLog.record(AuditEvent.of("USER_CREATED", "user", ADMIN_USERNAME)
                .change(null, admin.auditState())
                .withDetail("first start"));
        if (configured.isBlank()) {
            log.warn(
                    "Created user 'admin' with the generated password: {}  (shown only this once; "
                            + "set CLUSTERPROOF_ADMIN_PASSWORD to choose it instead)",
                    password);
        } else {
            log.info("Created user 'admin' with the password from CLUSTERPROOF_ADMIN_PASSWORD");
        }
    }

    static String generatePassword() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
