package io.clusterproof.access;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One user per role for the demo, with the passwords the README lists. They are marked as demo
 * users, and the {@code prod} profile refuses to start while any exists.
 */
@Component
@Profile("demo")
@Order(1)
class DemoUsers implements ApplicationRunner {

    record DemoUser(String username, String displayName, String password, Role role, String team) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("auditor", "Avery Auditor", "auditor-demo-1", Role.AUDITOR, ""),
            new DemoUser("engineer", "Emil Engineer", "emil-engineer-demo-1", Role.ENGINEER, "payments"),
            new DemoUser("engineer2", "Erin Engineer", "erin-engineer-demo-2", Role.ENGINEER, "records"),
            new DemoUser("officer", "Olga Officer", "officer-demo-1", Role.OFFICER, ""),
            new DemoUser("officer2", "Omar Officer", "officer-demo-2", Role.OFFICER, ""),
            new DemoUser("demo-admin", "Dana Admin", "dana-admin-demo-1", Role.ADMIN, ""));

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final Clock clock;

    DemoUsers(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (var demo : USERS) {
            if (users.existsByUsername(demo.username())) {
                continue;
            }
            var account = users.save(new UserAccount(
                    demo.username(),
                    demo.displayName(),
                    passwordEncoder.encode(demo.password()),
                    demo.role(),
                    demo.team().isEmpty() ? null : demo.team(),
                    true,
                    clock.instant()));
            auditLog.record(AuditEvent.of("USER_CREATED", "user", demo.username())
                    .change(null, account.auditState())
                    .withDetail("demo user"));
        }
    }
}
