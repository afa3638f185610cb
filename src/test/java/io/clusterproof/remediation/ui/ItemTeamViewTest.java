package io.clusterproof.remediation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.clusterproof.support.UiTree.all;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.access.UserSummary;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.remediation.ItemHistoryEntry;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.remediation.TwoTeams;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.KaribuTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The item page offers engineers their own team's items only, assignees from the team, and officers the team. */
class ItemTeamViewTest extends KaribuTest {

    @Autowired
    TestClusters clusters;

    @Autowired
    UserService users;

    @Autowired
    RemediationService remediation;

    @TempDir
    Path dir;

    private TwoTeams teams;

    @BeforeEach
    void twoTeams() throws IOException {
        teams = TwoTeams.collect(clusters, users, remediation, dir);
    }

    @Test
    void an_engineer_sees_no_action_on_another_teams_item_and_is_told_why() {
        signInAs("iso-pia", Role.ENGINEER);

        show(teams.records().id());

        assertThat(all(UI.getCurrent()).filter(c -> c.getElement().hasAttribute(ChangeAction.ATTRIBUTE)))
                .isEmpty();
        assertThat(_find(TextArea.class)).as("no comment field either").isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("item-not-yours")).getText())
                .contains("team \"records\"")
                .contains("team \"payments\" only");
    }

    @Test
    void an_engineer_assigns_their_teams_item_to_a_member_picked_from_the_team() {
        signInAs("iso-pia", Role.ENGINEER);
        show(teams.payments().id());

        @SuppressWarnings("unchecked")
        ComboBox<UserSummary> assignee = _get(ComboBox.class, spec -> spec.withId("assignee"));
        var choices =
                assignee.getListDataView().getItems().map(UserSummary::username).toList();
        assertThat(choices).contains("iso-pia", "iso-paul").doesNotContain("iso-rex", "iso-nobody");
        assertThat(_find(Button.class, spec -> spec.withId("change-team"))).isEmpty();

        assignee.setValue(assignee.getListDataView()
                .getItems()
                .filter(u -> u.username().equals("iso-paul"))
                .findFirst()
                .orElseThrow());
        ButtonKt._click(_get(Button.class, spec -> spec.withId("assign")));

        assertThat(remediation.get(teams.payments().id()).orElseThrow().assignee())
                .isEqualTo("iso-paul");
    }

    @Test
    void an_officer_moves_an_item_to_another_team_with_a_reason_kept_in_its_history() {
        signInAs("iso-officer", Role.OFFICER);
        show(teams.payments().id());

        @SuppressWarnings("unchecked")
        ComboBox<String> team = _get(ComboBox.class, spec -> spec.withId("item-team"));
        assertThat(team.getListDataView().getItems()).contains("payments", "records");
        team.setValue("records");
        _get(TextField.class, spec -> spec.withLabel("Reason")).setValue("records runs the vault");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("change-team")));

        assertThat(remediation.get(teams.payments().id()).orElseThrow().team()).isEqualTo("records");
        assertThat(remediation.history(teams.payments().id()))
                .extracting(ItemHistoryEntry::kind, ItemHistoryEntry::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("TEAM", "iso-officer"));
    }

    private static void show(long item) {
        UI.getCurrent().navigate("remediation/" + item);
        MockVaadin.clientRoundtrip();
    }
}
