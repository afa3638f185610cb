package io.clusterproof.access;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns the provider's claims into a role: the first configured mapping the user's groups match. */
final class GroupRoleMapping {

    private final SingleSignOnProperties properties;

    GroupRoleMapping(SingleSignOnProperties properties) {
        this.properties = properties;
    }

    /** The role the claims grant, or empty when no group is mapped and there is no minimum role. */
    Optional<RoleGrant> grant(Map<String, Object> claims) {
        var groups = new HashSet<>(ClaimPath.values(claims, properties.groupsClaim()));
        var provider = properties.providerName();
        for (var mapping : properties.mappings()) {
            if (groups.contains(mapping.group())) {
                var team = mapping.role() == Role.ENGINEER ? blankToNull(mapping.team()) : null;
                return Optional.of(
                        new RoleGrant(mapping.role(), team, "Group \"" + mapping.group() + "\" at " + provider));
            }
        }
        var minimum = properties.minimumRole();
        return minimum == null
                ? Optional.empty()
                : Optional.of(new RoleGrant(minimum, null, "Minimum role: no mapped group at " + provider));
    }

    /** The first required claim that is missing or has another value, if any. */
    Optional<String> unmetRequirement(Map<String, Object> claims) {
        for (var requirement : properties.requiredClaims()) {
            var claim = requirement.substring(0, requirement.indexOf('='));
            var expected = requirement.substring(requirement.indexOf('=') + 1);
            if (!expected.equals(String.valueOf(ClaimPath.value(claims, claim)))) {
                return Optional.of(claim);
            }
        }
        return Optional.empty();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
