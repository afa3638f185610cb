package io.clusterproof.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the {@code admin} account on the first start. Its password comes from
 * {@code CLUSTERPROOF_ADMIN_PASSWORD}, or is generated and written to the log this one time.
 * Replicas started together on a new database race for it: the one whose insert wins creates it,
 * the others start without.
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
    private final TransactionTemplate transaction;
    private final Clock clock;

    AdminBootstrap(
            UserAccountRepository users,
            PasswordEncoder passwordEncoder,
            AccessProperties properties,
            AuditLog auditLog,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.existsByRole(Role.ADMIN)) {
            return;
        }
        var configured = properties.adminPassword();
        var password = configured.isBlank() ? generatePassword() : configured;
        PasswordPolicy.check(ADMIN_USERNAME, password);
        try {
            transaction.executeWithoutResult(status -> {
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
            });
        } catch (DataIntegrityViolationException e) {
            log.info("User 'admin' was created by another instance starting at the same time");
            return;
        }
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
