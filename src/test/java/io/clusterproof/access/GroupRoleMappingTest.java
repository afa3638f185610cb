package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupRoleMappingTest {

    private final GroupRoleMapping groups = new GroupRoleMapping(SingleSignOnSettings.with("groups", null, List.of()));

    @Test
    void an_engineers_group_grants_the_role_and_its_team() {
        var grant = groups.grant(Map.of("groups", List.of("staff", "engineers-payments")));

        assertThat(grant).hasValueSatisfying(g -> {
            assertThat(g.role()).isEqualTo(Role.ENGINEER);
            assertThat(g.team()).isEqualTo("payments");
            assertThat(g.source()).isEqualTo("Group \"engineers-payments\" at Test IdP");
        });
    }

    @Test
    void the_first_mapping_the_user_matches_decides_not_the_order_of_the_claim() {
        var grant = groups.grant(Map.of("groups", List.of("officers", "admins")));

        assertThat(grant).hasValueSatisfying(g -> assertThat(g.role()).isEqualTo(Role.ADMIN));
    }

    @Test
    void group_object_ids_map_like_names_and_only_engineers_get_a_team() {
        var grant = groups.grant(Map.of("groups", List.of(SingleSignOnSettings.ENTRA_AUDITORS)));

        assertThat(grant).hasValueSatisfying(g -> {
            assertThat(g.role()).isEqualTo(Role.AUDITOR);
            assertThat(g.team()).isNull();
        });
    }

    @Test
    void a_nested_claim_path_reads_roles_inside_an_object() {
        var keycloakRoles = new GroupRoleMapping(SingleSignOnSettings.with("realm_access.roles", null, List.of()));

        var grant = keycloakRoles.grant(Map.of("realm_access", Map.of("roles", List.of("offline_access", "officers"))));

        assertThat(grant).hasValueSatisfying(g -> assertThat(g.role()).isEqualTo(Role.OFFICER));
    }

    @Test
    void without_a_mapped_group_there_is_no_role_unless_a_minimum_is_configured() {
        var claims = Map.<String, Object>of("groups", List.of("everyone"));
        var withMinimum = new GroupRoleMapping(SingleSignOnSettings.with("groups", Role.AUDITOR, List.of()));

        assertThat(groups.grant(claims)).isEmpty();
        assertThat(groups.grant(Map.of())).isEmpty();
        assertThat(withMinimum.grant(claims)).hasValueSatisfying(g -> {
            assertThat(g.role()).isEqualTo(Role.AUDITOR);
            assertThat(g.source()).startsWith("Minimum role");
        });
    }

    @Test
    void a_single_string_claim_counts_as_one_group() {
        assertThat(groups.grant(Map.of("groups", "officers")))
                .hasValueSatisfying(g -> assertThat(g.role()).isEqualTo(Role.OFFICER));
    }

    @Test
    void a_required_claim_must_be_present_with_its_value() {
        var strict = new GroupRoleMapping(SingleSignOnSettings.with("groups", null, List.of("email_verified=true")));

        assertThat(strict.unmetRequirement(Map.of("email_verified", true))).isEmpty();
        assertThat(strict.unmetRequirement(Map.of("email_verified", false))).contains("email_verified");
        assertThat(strict.unmetRequirement(Map.of())).contains("email_verified");
    }

    @Test
    void a_required_claim_without_a_value_is_refused_at_start_naming_the_input() {
        assertThatThrownBy(() -> SingleSignOnSettings.with("groups", null, List.of("email_verified")))
                .hasMessageContaining("required-claims")
                .hasMessageContaining("\"email_verified\"");
    }
}
