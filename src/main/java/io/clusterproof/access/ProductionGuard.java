package io.clusterproof.access;

import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Under the {@code prod} profile, refuses to start while demo users (with published passwords) exist. */
@Component
@Profile("prod")
@Order(Integer.MIN_VALUE)
class ProductionGuard implements ApplicationRunner {

    private final UserAccountRepository users;

    ProductionGuard(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        var demo = users.findByDemoTrue();
        if (!demo.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: demo users with published passwords "
                    + "exist (" + demo.stream().map(UserAccount::username).collect(Collectors.joining(", "))
                    + "). Start on a fresh database, or delete these users from user_account first.");
        }
    }
}
