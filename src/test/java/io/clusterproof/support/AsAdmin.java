package io.clusterproof.support;

import io.clusterproof.access.ActingAs;
import io.clusterproof.access.Role;
import java.util.function.Supplier;

/** Runs test set-up as a given role, restoring the previous authentication afterwards. */
public final class AsAdmin {

    private AsAdmin() {}

    public static <T> T as(String username, String role, Supplier<T> work) {
        return ActingAs.call(username, Role.valueOf(role), work);
    }

    public static <T> T admin(Supplier<T> work) {
        return as("test-admin", "ADMIN", work);
    }

    public static void admin(Runnable work) {
        ActingAs.run("test-admin", Role.ADMIN, work);
    }
}
