package io.clusterproof.demo;

import io.clusterproof.access.ActingAs;
import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;

/**
 * One user per role for the demo, with the passwords the README lists. They are created as users
 * with published passwords, so the {@code prod} profile refuses to start while any exists.
 */
@Order(1)
class DemoUsers implements ApplicationRunner {

    /** Who creates them, as the audit log shows. */
    static final String ACTOR = "demo";

    record DemoUser(String username, String displayName, String password, Role role, String team) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("auditor", "Avery Auditor", "auditor-demo-1", Role.AUDITOR, ""),
            new DemoUser("engineer", "Emil Engineer", "emil-engineer-demo-1", Role.ENGINEER, "payments"),
            new DemoUser("engineer2", "Erin Engineer", "erin-engineer-demo-2", Role.ENGINEER, "records"),
            new DemoUser("officer", "Olga Officer", "officer-demo-1", Role.OFFICER, ""),
            new DemoUser("officer2", "Omar Officer", "officer-demo-2", Role.OFFICER, ""),
            new DemoUser("demo-admin", "Dana Admin", "dana-admin-demo-1", Role.ADMIN, ""));

    private final UserService users;

    DemoUsers(UserService users) {
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        ActingAs.run(ACTOR, Role.ADMIN, () -> {
            for (var demo : USERS) {
                if (users.find(demo.username()).isEmpty()) {
                    users.createWithPublishedPassword(new NewUser(
                            demo.username(),
                            demo.displayName(),
                            demo.password(),
                            demo.role(),
                            demo.team().isEmpty() ? null : demo.team()));
                }
            }
        });
    }
}
