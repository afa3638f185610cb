package io.clusterproof.evidence.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.clusterproof.access.Role;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.evidence.DemoEvidence;
import io.clusterproof.evidence.EvidenceSchedules;
import io.clusterproof.evidence.ExportFormat;
import io.clusterproof.evidence.ScheduleSummary;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.KaribuTest;
import io.clusterproof.support.UiTree;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The evidence view, server-side: generate with progress, the locker, and schedules for administrators only. */
class EvidenceViewTest extends KaribuTest {

    @Autowired
    DemoEvidence demo;

    @Autowired
    EvidenceSchedules schedules;

    @BeforeEach
    void collectTheDemo() {
        demo.cluster();
    }

    @Test
    void an_auditor_generates_a_csv_follows_its_progress_and_gets_a_download_link() {
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate(EvidenceView.class);

        @SuppressWarnings("unchecked")
        RadioButtonGroup<ExportFormat> format = _get(RadioButtonGroup.class, spec -> spec.withId("export-format"));
        format.setValue(ExportFormat.CONTROLS_CSV);
        ownClusterOnly();
        _click(_get(Button.class, spec -> spec.withId("export-generate")));

        var link = awaitDownload();
        assertThat(link.getText()).startsWith("Download evidence-").endsWith("-control-matrix.csv");
        assertThat(link.getHref()).isNotBlank();
    }

    @Test
    void a_pack_generated_from_the_view_appears_in_the_locker() {
        signInAs(Role.OFFICER);
        UI.getCurrent().navigate(EvidenceView.class);
        @SuppressWarnings("unchecked")
        Grid<?> locker = _get(Grid.class, spec -> spec.withId("locker"));
        var before = GridKt._size(locker);
        ownClusterOnly();
        @SuppressWarnings("unchecked")
        ComboBox<FrameworkDefinition> framework = _get(ComboBox.class, spec -> spec.withId("export-framework"));
        framework.setValue(framework
                .getListDataView()
                .getItems()
                .filter(f -> f.id().equals("gdpr"))
                .findFirst()
                .orElseThrow());

        _click(_get(Button.class, spec -> spec.withId("export-generate")));

        await("the pack in the locker")
                .pollInSameThread()
                .atMost(Duration.ofSeconds(60))
                .until(() -> {
                    poll();
                    return GridKt._size(locker) == before + 1;
                });
        assertThat(_find(Anchor.class, spec -> spec.withId("export-download"))).isEmpty();
    }

    @Test
    void an_auditor_sees_the_schedules_but_no_control_that_changes_them() {
        AsAdmin.admin(() -> schedules.create(schedules
                .defaults()
                .withName("audit-visible-" + UUID.randomUUID().toString().substring(0, 6))
                .withClusters(java.util.List.of(demo.cluster().id()))));
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate(EvidenceView.class);
        MockVaadin.clientRoundtrip();

        @SuppressWarnings("unchecked")
        Grid<ScheduleSummary> grid = _get(Grid.class, spec -> spec.withId("schedules"));
        assertThat(GridKt._size(grid)).isPositive();
        assertThat(all(UI.getCurrent()).filter(c -> c.getElement().hasAttribute(ChangeAction.ATTRIBUTE)))
                .isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("schedule-new"))).isEmpty();
    }

    @Test
    void an_administrator_creates_a_schedule_from_the_keyboard_friendly_form() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(EvidenceView.class);
        MockVaadin.clientRoundtrip();
        assertThat(all(UI.getCurrent()).filter(c -> c.getElement().hasAttribute(ChangeAction.ATTRIBUTE)))
                .isNotEmpty();

        _click(_get(Button.class, spec -> spec.withId("schedule-new")));
        var name = "from-the-view-" + UUID.randomUUID().toString().substring(0, 6);
        _get(TextField.class, spec -> spec.withId("schedule-name")).setValue(name);
        ownClusterOnly("schedule-clusters");
        assertThat(_get(TextField.class, spec -> spec.withId("schedule-cron")).getValue())
                .isEqualTo("0 0 6 * * MON");
        _click(_get(Button.class, spec -> spec.withId("schedule-save")));

        var created = AsAdmin.admin(() -> schedules.list()).stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(created.definition().frameworkIds()).isNotEmpty();
        @SuppressWarnings("unchecked")
        Grid<ScheduleSummary> grid = _get(Grid.class, spec -> spec.withId("schedules"));
        assertThat(GridKt._findAll(grid)).anyMatch(s -> s.name().equals(name));
    }

    /** This test's own cluster only: the shared database holds every other test's clusters too. */
    private void ownClusterOnly() {
        ownClusterOnly("export-clusters");
    }

    private void ownClusterOnly(String field) {
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<ClusterSummary> clusters = _get(MultiSelectComboBox.class, spec -> spec.withId(field));
        clusters.setValue(clusters.getListDataView()
                .getItems()
                .filter(c -> c.id() == demo.cluster().id())
                .toList());
    }

    private Anchor awaitDownload() {
        await("the download link")
                .pollInSameThread()
                .atMost(Duration.ofSeconds(60))
                .until(() -> {
                    poll();
                    var refused = NotificationsKt.getNotifications().stream()
                            .flatMap(UiTree::all)
                            .filter(HasText.class::isInstance)
                            .map(c -> ((HasText) c).getText())
                            .filter(t -> !t.isBlank())
                            .toList();
                    assertThat(refused)
                            .as("messages shown instead of a download")
                            .isEmpty();
                    return !_find(Anchor.class, spec -> spec.withId("export-download"))
                            .isEmpty();
                });
        return _get(Anchor.class, spec -> spec.withId("export-download"));
    }

    private static void poll() {
        var ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(EvidenceViewTest::all));
    }
}
