package io.clusterproof.snapshot.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import io.clusterproof.access.Role;
import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

class AgentPanelTest extends KaribuTest {

    @Autowired
    TestClusters clusters;

    @Autowired
    AgentService agents;

    @Autowired
    JdbcTemplate jdbc;

    private ClusterSummary cluster;

    @BeforeEach
    void anAgentCluster() {
        cluster = clusters.agent("panel");
    }

    @Test
    void an_administrator_creates_a_registration_token_shown_once_and_stored_as_a_hash() {
        signInAs(Role.ADMIN);
        open();
        assertThat(_get(Div.class, spec -> spec.withId("agent-status"))
                        .getElement()
                        .getTextRecursively())
                .contains("Not registered");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("agent-registration")));

        var token = _get(TextArea.class, spec -> spec.withId("agent-token")).getValue();
        assertThat(token).startsWith("cpr_");
        assertThat(jdbc.queryForList(
                        "select token_hash from agent_registration where cluster_id = ?", String.class, cluster.id()))
                .hasSize(1)
                .doesNotContain(token);
        assertThat(agents.status(cluster.id()).pendingRegistrationExpiresAt()).isNotNull();
    }

    @Test
    void an_auditor_sees_the_agent_but_no_token_or_revoke_button_and_the_service_refuses_them() {
        signInAs(Role.AUDITOR);
        open();

        assertThat(_find(Div.class, spec -> spec.withId("agent-status"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("agent-registration")))
                .isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("agent-revoke"))).isEmpty();
        assertThatThrownBy(() -> agents.createRegistration(cluster.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> agents.revoke(cluster.id())).isInstanceOf(AccessDeniedException.class);
    }

    private void open() {
        UI.getCurrent().navigate("clusters/" + cluster.id() + "/snapshots");
        MockVaadin.clientRoundtrip();
    }
}
