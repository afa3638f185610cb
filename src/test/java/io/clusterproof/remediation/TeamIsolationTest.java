package io.clusterproof.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.access.UserService;
import io.clusterproof.base.InvalidInputException;
import io.clusterproof.base.NotPermittedException;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

/** Engineers work their own team's items only; the team of an item moves only by an officer or admin. */
@IntegrationTest
class TeamIsolationTest {

    @Autowired
    TestClusters clusters;

    @Autowired
    RemediationService remediation;

    @Autowired
    UserService users;

    @Autowired
    AuditLog auditLog;

    @TempDir
    Path dir;

    private ItemSummary payments;
    private ItemSummary records;

    @BeforeEach
    void twoTeamsWithOneFailingDeploymentEach() throws IOException {
        var teams = TwoTeams.collect(clusters, users, remediation, dir);
        payments = teams.payments();
        records = teams.records();
    }

    @Test
    void an_engineer_changes_nothing_on_another_teams_item() {
        var id = records.id();
        List<Supplier<?>> actions = List.of(
                () -> remediation.start(id),
                () -> remediation.markFixed(id, "done"),
                () -> remediation.assign(id, "iso-pia"),
                () -> remediation.linkTicket(id, "https://tickets.example/REC-1"),
                () -> remediation.comment(id, "not mine, but let me say something"));

        for (var action : actions) {
            assertThatThrownBy(() -> as("iso-pia", action))
                    .isInstanceOf(NotPermittedException.class)
                    .hasMessageContaining("team \"records\"")
                    .hasMessageContaining("team \"payments\" only");
        }
        assertThat(remediation.history(id)).extracting(ItemHistoryEntry::kind).containsExactly("CREATED");
        assertThat(remediation.get(id).orElseThrow().status()).isEqualTo(ItemStatus.OPEN);
    }

    @Test
    void an_engineer_works_their_own_teams_item() {
        as("iso-pia", () -> remediation.start(payments.id()));
        as("iso-pia", () -> remediation.comment(payments.id(), "on it"));

        assertThat(remediation.get(payments.id()).orElseThrow().status()).isEqualTo(ItemStatus.IN_PROGRESS);
    }

    @Test
    void an_engineer_without_a_team_changes_no_item() {
        assertThatThrownBy(() -> as("iso-nobody", () -> remediation.start(payments.id())))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("no team");
    }

    @Test
    void the_assignee_is_a_member_of_the_items_team() {
        assertThatThrownBy(() -> as("iso-pia", () -> remediation.assign(payments.id(), "iso-rex")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"iso-rex\" is not a member of team \"payments\"")
                .hasMessageContaining("iso-paul");
        assertThatThrownBy(() -> as("iso-pia", () -> remediation.assign(payments.id(), "Somebody Else")))
                .isInstanceOf(InvalidInputException.class);

        var assigned = as("iso-pia", () -> remediation.assign(payments.id(), "iso-paul"));

        assertThat(assigned.assignee()).isEqualTo("iso-paul");
        assertThat(remediation.assignees("payments"))
                .extracting(u -> u.username())
                .contains("iso-pia", "iso-paul")
                .doesNotContain("iso-rex");
    }

    @Test
    void an_engineer_may_not_move_an_item_to_another_team() {
        assertThatThrownBy(() -> as("iso-pia", () -> remediation.changeTeam(payments.id(), "records", "theirs")))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(remediation.get(payments.id()).orElseThrow().team()).isEqualTo("payments");
    }

    @Test
    void an_officer_moves_an_item_to_another_team_and_the_audit_log_says_so() {
        as("iso-pia", () -> remediation.assign(payments.id(), "iso-paul"));

        var moved = AsAdmin.as(
                "iso-officer",
                "OFFICER",
                () -> remediation.changeTeam(payments.id(), "records", "the vault team owns this database"));

        assertThat(moved.team()).isEqualTo("records");
        assertThat(moved.assignee())
                .as("a payments engineer is not assignee of a records item")
                .isNull();
        var audit = AsAdmin.admin(() -> auditLog.find(
                        new AuditQuery(
                                "iso-officer",
                                "REMEDIATION_ITEM_TEAM",
                                "remediation-item",
                                null,
                                null,
                                String.valueOf(payments.id())),
                        Pageable.ofSize(50)))
                .getContent()
                .stream()
                .filter(e -> String.valueOf(payments.id()).equals(e.targetId()))
                .toList();
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.before()).contains("team=payments");
            assertThat(e.after()).contains("team=records");
            assertThat(e.detail()).contains("the vault team owns this database");
        });
        assertThatThrownBy(() -> as("iso-pia", () -> remediation.start(payments.id())))
                .isInstanceOf(NotPermittedException.class);
        as("iso-rex", () -> remediation.start(payments.id()));
    }

    private <T> T as(String engineer, Supplier<T> work) {
        return AsAdmin.as(engineer, "ENGINEER", work);
    }
}
