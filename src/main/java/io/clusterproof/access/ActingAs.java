package io.clusterproof.access;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work the application does on a named user's behalf outside a request (records set up at start), so
 * that role checks apply and the audit log names that user.
 */
public final class ActingAs {

    private ActingAs() {}

    public static <T extends @Nullable Object> T call(String username, Role role, Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(String username, Role role, Runnable work) {
        ActingAs.<@Nullable Object>call(username, role, () -> {
            work.run();
            return null;
        });
    }
}
