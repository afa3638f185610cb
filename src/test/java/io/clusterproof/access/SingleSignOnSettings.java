package io.clusterproof.access;

import io.clusterproof.access.SingleSignOnProperties.GroupMapping;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Single sign-on properties for unit tests: the mappings every test here uses, and what varies. */
final class SingleSignOnSettings {

    static final String ENTRA_AUDITORS = "9f1c2e4a-7b3d-4c5e-8f60-1a2b3c4d5e6f";

    private SingleSignOnSettings() {}

    static SingleSignOnProperties with(String groupsClaim, @Nullable Role minimumRole, List<String> requiredClaims) {
        return new SingleSignOnProperties(
                "http://127.0.0.1:1/issuer",
                "clusterproof",
                "",
                List.of("openid"),
                "Test IdP",
                groupsClaim,
                "preferred_username",
                List.of(
                        new GroupMapping("admins", Role.ADMIN, null),
                        new GroupMapping("officers", Role.OFFICER, null),
                        new GroupMapping("engineers-payments", Role.ENGINEER, "payments"),
                        new GroupMapping(ENTRA_AUDITORS, Role.AUDITOR, "ignored-for-auditors")),
                minimumRole,
                requiredClaims,
                true,
                "admin",
                Duration.ofDays(7));
    }
}
