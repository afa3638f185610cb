package io.clusterproof.support;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test set-up as a given role, restoring the previous authentication afterwards. */
public final class AsAdmin {

    private AsAdmin() {}

    public static <T> T as(String username, String role, Supplier<T> work) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        try {
            return work.get();
        } finally {
            context.setAuthentication(previous);
        }
    }

    public static <T> T admin(Supplier<T> work) {
        return as("test-admin", "ADMIN", work);
    }

    public static void admin(Runnable work) {
        admin(() -> {
            work.run();
            return null;
        });
    }
}
