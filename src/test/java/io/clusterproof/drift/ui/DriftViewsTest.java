package io.clusterproof.drift.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.clusterproof.support.UiTree.all;
import static io.clusterproof.support.UiTree.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.AnchorsKt;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.clusterproof.access.Role;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.EChart;
import io.clusterproof.base.ui.YamlView;
import io.clusterproof.drift.BaselineService;
import io.clusterproof.drift.BaselineSummary;
import io.clusterproof.drift.ChangeCount;
import io.clusterproof.drift.ChangeType;
import io.clusterproof.drift.DeliverySummary;
import io.clusterproof.drift.FieldChange;
import io.clusterproof.drift.FindingChange;
import io.clusterproof.drift.ResourceChange;
import io.clusterproof.drift.ScoreDelta;
import io.clusterproof.drift.WebhookDefinition;
import io.clusterproof.drift.WebhookFormat;
import io.clusterproof.drift.WebhookService;
import io.clusterproof.drift.WebhookSummary;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.SnapshotSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.KaribuTest;
import io.clusterproof.support.ShopManifests;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The drift and webhook pages, server-side, on a cluster collected before and after a change. */
class DriftViewsTest extends KaribuTest {

    private static ClusterSummary cluster;
    private static long before;
    private static long after;

    @Autowired
    TestClusters clusters;

    @Autowired
    BaselineService baselines;

    @Autowired
    WebhookService webhooks;

    @BeforeEach
    void collectBeforeAndAfterOnce() throws IOException {
        if (cluster == null) {
            var dir = Files.createTempDirectory("drift-ui");
            ShopManifests.BEFORE.write(dir, false);
            cluster = clusters.manifests("drift-ui", dir);
            before = clusters.collect(cluster).snapshotId();
            clusters.awaitAssessed(before);
            ShopManifests.AFTER.write(dir, true);
            after = clusters.collect(cluster).snapshotId();
            clusters.awaitAssessed(after);
        }
    }

    @Test
    void the_latest_snapshot_is_compared_with_the_one_before_by_default() {
        signInAs(Role.AUDITOR);
        navigate("drift", Map.of("cluster", cluster.id()));

        assertThat(this.<SnapshotSummary>combo("drift-from").getValue().id()).isEqualTo(before);
        assertThat(this.<SnapshotSummary>combo("drift-to").getValue().id()).isEqualTo(after);
        assertThat(text(_get(ChangesPanel.class, spec -> spec.withId("changes-section"))))
                .contains("1 added · 2 changed · 1 removed")
                .contains("2 changes to objects owned by a controller");
        var changes = changes();
        assertThat(GridKt._size(changes)).isEqualTo(4);
        assertThat(GridKt._get(changes, 1).key().name()).isEqualTo("api");
        assertThat(GridKt._getFormattedRow(changes, 1))
                .as("the fields that changed, and the findings that moved with it")
                .anyMatch(cell -> cell.contains("spec.replicas"));
        assertThat(text(GridKt._getCellComponent(changes, 1, "actions")))
                .contains("Object")
                .contains("Findings");
        @SuppressWarnings("unchecked")
        Grid<ScoreDelta> scores = _get(Grid.class, spec -> spec.withId("score-deltas"));
        assertThat(GridKt._size(scores)).isEqualTo(6);
        @SuppressWarnings("unchecked")
        Grid<FindingChange> findings = _get(Grid.class, spec -> spec.withId("finding-changes"));
        assertThat(checkIds(findings)).contains("privileged-container");
        var option = _get(EChart.class, spec -> spec.withId("drift-timeline")).getOption();
        assertThat(option)
                .contains("\"markLine\"")
                .contains("\"name\":\"From\"")
                .contains("\"name\":\"To\"")
                .contains("\"markPoint\"")
                .contains("Objects changed");
    }

    @Test
    void the_change_filters_come_from_the_url_and_narrow_the_list() {
        signInAs(Role.AUDITOR);
        navigate("drift", Map.of("cluster", cluster.id(), "type", "ADDED"));

        assertThat(this.<ChangeType>combo("change-type").getValue()).isEqualTo(ChangeType.ADDED);
        assertThat(GridKt._size(changes())).isEqualTo(1);
        assertThat(GridKt._get(changes(), 0).key().name()).isEqualTo("worker");

        HasValueUtilsKt._setValue(this.<ChangeType>combo("change-type"), ChangeType.REMOVED);
        assertThat(GridKt._get(changes(), 0).key().name()).isEqualTo("legacy");

        HasValueUtilsKt._setValue(this.<ChangeType>combo("change-type"), null);
        @SuppressWarnings("unchecked")
        Grid<ChangeCount> groups = _get(Grid.class, spec -> spec.withId("change-groups"));
        var configMaps = 0;
        while (!GridKt._get(groups, configMaps).kind().equals("ConfigMap")) {
            configMaps++;
        }
        GridKt._clickItem(groups, configMaps);
        assertThat(GridKt._size(changes())).isEqualTo(1);
        assertThat(GridKt._get(changes(), 0).key().name()).isEqualTo("settings");
    }

    @Test
    void the_diff_of_a_changed_object_shows_old_and_new_values_its_findings_and_its_yaml() {
        signInAs(Role.AUDITOR);
        navigate("drift", Map.of("cluster", cluster.id()));

        ButtonKt._click(_get(
                GridKt._getCellComponent(changes(), 1, "actions"),
                Button.class,
                spec -> spec.withId("diff-Deployment-shop-api")));

        var dialog = _get(Dialog.class, spec -> spec.withId("change-dialog"));
        @SuppressWarnings("unchecked")
        Grid<FieldChange> fields = _get(dialog, Grid.class, spec -> spec.withId("field-changes"));
        var image = "spec.template.spec.containers[name=api].image";
        assertThat(GridKt._size(fields)).isGreaterThan(5);
        var rows = new ArrayList<String>();
        for (int i = 0; i < GridKt._size(fields); i++) {
            rows.add(String.join(" | ", GridKt._getFormattedRow(fields, i)));
        }
        assertThat(rows).contains(image + " | Changed | registry.example/api:1 | registry.example/api:2");
        @SuppressWarnings("unchecked")
        Grid<FindingChange> findings = _get(dialog, Grid.class, spec -> spec.withId("change-findings"));
        assertThat(checkIds(findings)).contains("privileged-container");
        var yaml = _get(dialog, YamlView.class, spec -> spec.withId("change-yaml"));
        assertThat(Integer.parseInt(yaml.getElement().getAttribute("data-highlighted-lines")))
                .isPositive();
        assertThat(_find(dialog, Anchor.class))
                .extracting(a -> AnchorsKt.get_href(a))
                .anyMatch(href -> href.startsWith("snapshots/" + after + "?"))
                .anyMatch(href -> href.startsWith("resource?cluster=" + cluster.id()));
    }

    @Test
    void an_open_diff_is_part_of_the_url() {
        signInAs(Role.AUDITOR);
        navigate(
                "drift",
                Map.of(
                        "cluster", cluster.id(),
                        "from", before,
                        "to", after,
                        "rgroup", "apps",
                        "rkind", "Deployment",
                        "rns", "shop",
                        "rname", "legacy"));

        var dialog = _get(Dialog.class, spec -> spec.withId("change-dialog"));
        assertThat(dialog.getHeaderTitle()).isEqualTo("Deployment shop/legacy");
        assertThat(text(dialog)).contains("Removed").contains("As it was");
    }

    @Test
    void an_auditor_sees_no_change_action_and_an_officer_marks_and_removes_a_baseline() {
        signInAs(Role.AUDITOR);
        navigate("drift", Map.of("cluster", cluster.id()));
        assertThat(all(UI.getCurrent()).filter(c -> c.getElement().hasAttribute(ChangeAction.ATTRIBUTE)))
                .isEmpty();

        signInAs("odile", Role.OFFICER);
        navigate("drift", Map.of("cluster", cluster.id()));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("mark-baseline")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<SnapshotSummary> snapshot =
                _get(RadioButtonGroup.class, spec -> spec.withId("baseline-snapshot"));
        HasValueUtilsKt._setValue(
                snapshot,
                snapshot.getListDataView()
                        .getItems()
                        .filter(s -> s.id() == before)
                        .findFirst()
                        .orElseThrow());
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("baseline-name")), "UI audit " + before);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-baseline")));

        var marked = baselines.list(cluster.id()).stream()
                .filter(b -> b.name().equals("UI audit " + before))
                .findFirst()
                .orElseThrow();
        assertThat(marked.snapshotId()).isEqualTo(before);
        assertThat(marked.markedBy()).isEqualTo("odile");
        assertThat(this.<BaselineSummary>combo("drift-baseline").getValue()).isEqualTo(marked);
        assertThat(this.<SnapshotSummary>combo("drift-from").getValue().id()).isEqualTo(before);

        ButtonKt._click(_get(Button.class, spec -> spec.withId("remove-baseline")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-remove-baseline")));
        assertThat(baselines.list(cluster.id())).noneMatch(b -> b.id() == marked.id());
    }

    @Test
    void since_baseline_is_one_click_from_the_dashboard() {
        var baseline = AsAdmin.as("olga", "OFFICER", () -> baselines.mark(before, "Dashboard audit", null));
        try {
            signInAs(Role.AUDITOR);
            navigate("", Map.of("cluster", cluster.id()));

            var link = _get(
                    Anchor.class,
                    spec -> spec.withClasses("cp-drift-link").withText("Since baseline \u201cDashboard audit\u201d"));
            assertThat(AnchorsKt.get_href(link))
                    .isEqualTo("drift?cluster=" + cluster.id() + "&baseline=" + baseline.id());

            navigate("drift", Map.of("cluster", cluster.id(), "baseline", baseline.id()));
            assertThat(this.<SnapshotSummary>combo("drift-from").getValue().id())
                    .isEqualTo(before);
            assertThat(this.<SnapshotSummary>combo("drift-to").getValue().id()).isEqualTo(after);
            assertThat(text(_get(Paragraph.class, spec -> spec.withId("drift-headline"))))
                    .contains("baseline \u201cDashboard audit\u201d");
        } finally {
            AsAdmin.as("olga", "OFFICER", () -> {
                baselines.remove(baseline.id());
                return null;
            });
        }
    }

    @Test
    void a_baseline_that_is_the_latest_snapshot_says_nothing_changed_since() {
        var baseline = AsAdmin.as("olga", "OFFICER", () -> baselines.mark(after, "Latest audit", null));
        try {
            signInAs(Role.AUDITOR);
            navigate("drift", Map.of("cluster", cluster.id(), "baseline", baseline.id()));

            assertThat(text(_get(Div.class, spec -> spec.withId("drift-empty"))))
                    .contains("Nothing changed since the baseline")
                    .contains("Latest audit");
        } finally {
            AsAdmin.as("olga", "OFFICER", () -> {
                baselines.remove(baseline.id());
                return null;
            });
        }
    }

    @Test
    void empty_states_say_what_to_do() throws IOException {
        var dir = Files.createTempDirectory("drift-ui-one");
        ShopManifests.BEFORE.write(dir, false);
        var once = clusters.manifests("drift-once", dir);
        var never = clusters.manifests("drift-never", dir);
        clusters.collect(once);
        signInAs(Role.AUDITOR);

        navigate("drift", Map.of("cluster", once.id()));
        assertThat(text(_get(Div.class, spec -> spec.withId("drift-empty")))).contains("Only one snapshot so far");

        navigate("drift", Map.of("cluster", never.id()));
        assertThat(text(_get(Div.class, spec -> spec.withId("drift-empty")))).contains("Not collected yet");
    }

    @Test
    void a_failing_webhook_shows_on_the_drift_page_and_in_the_delivery_log() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var url = "http://127.0.0.1:" + closedPort + "/hook";
        var webhook = AsAdmin.admin(
                () -> webhooks.create(new WebhookDefinition("pager", url, WebhookFormat.JSON, null, true), null));
        try {
            AsAdmin.admin(() -> webhooks.sendTest(webhook.id()));
            await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.health().failing());

            signInAs(Role.AUDITOR);
            navigate("drift", Map.of("cluster", cluster.id()));
            assertThat(text(_get(Span.class, spec -> spec.withId("alert-health"))))
                    .isEqualTo("Alert delivery failing");

            signInAs(Role.ADMIN);
            navigate("admin/webhooks", Map.of("failed", "true"));
            @SuppressWarnings("unchecked")
            Grid<WebhookSummary> list = _get(Grid.class, spec -> spec.withId("webhooks"));
            assertThat(text(GridKt._getCellComponent(list, row(list, webhook.id()), "status")))
                    .isEqualTo("Failing");
            @SuppressWarnings("unchecked")
            Grid<DeliverySummary> log = _get(Grid.class, spec -> spec.withId("deliveries"));
            assertThat(GridKt._size(log)).isPositive();
            assertThat(GridKt._get(log, 0).webhookName()).isEqualTo("pager");
            assertThat(GridKt._get(log, 0).failedLastTime()).isTrue();
            assertThat(log.getPartNameGenerator().apply(GridKt._get(log, 0))).isEqualTo("cp-failed-row");
        } finally {
            AsAdmin.admin(() -> webhooks.delete(webhook.id()));
        }
    }

    @Test
    void an_administrator_adds_a_webhook_whose_secret_is_never_shown_again() {
        signInAs(Role.ADMIN);
        navigate("admin/webhooks", Map.of());

        ButtonKt._click(_get(Button.class, spec -> spec.withId("add-webhook")));
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("webhook-name")), "chatops");
        HasValueUtilsKt._setValue(
                _get(TextField.class, spec -> spec.withId("webhook-url")),
                "https://hooks.slack.com/services/T000/B000/XXXXXXXX");
        @SuppressWarnings("unchecked")
        Select<WebhookFormat> format = _get(Select.class, spec -> spec.withId("webhook-format"));
        HasValueUtilsKt._setValue(format, WebhookFormat.SLACK);
        HasValueUtilsKt._setValue(
                _get(PasswordField.class, spec -> spec.withId("webhook-secret")), "a-very-long-signing-secret-42");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("save-webhook")));

        var saved = webhooks.list().stream()
                .filter(w -> w.name().equals("chatops"))
                .findFirst()
                .orElseThrow();
        try {
            assertThat(saved.format()).isEqualTo(WebhookFormat.SLACK);
            assertThat(saved.signed()).isTrue();
            @SuppressWarnings("unchecked")
            Grid<WebhookSummary> grid = _get(Grid.class, spec -> spec.withId("webhooks"));
            assertThat(String.join(" ", GridKt._getFormattedRow(grid, row(grid, saved.id()))))
                    .contains("https://hooks.slack.com/services/…")
                    .doesNotContain("XXXXXXXX");

            ButtonKt._click(_get(
                    GridKt._getCellComponent(grid, row(grid, saved.id()), "actions"),
                    Button.class,
                    spec -> spec.withId("edit-webhook-" + saved.id())));
            assertThat(_get(PasswordField.class, spec -> spec.withId("webhook-secret"))
                            .getValue())
                    .isEmpty();
            var page = new StringBuilder();
            UI.getCurrent().getElement().getChildren().forEach(e -> page.append(e.getOuterHTML()));
            assertThat(page).doesNotContain("a-very-long-signing-secret-42");
        } finally {
            webhooks.delete(saved.id());
        }
    }

    private static int row(Grid<WebhookSummary> grid, long id) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).id() == id) {
                return i;
            }
        }
        throw new AssertionError("webhook " + id + " is not listed");
    }

    private static List<String> checkIds(Grid<FindingChange> grid) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            ids.add(GridKt._get(grid, i).checkId());
        }
        return ids;
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_regression_names_the_snapshot_it_came_from_with_its_date_and_links_the_comparison() {
        var drift = context.getBean(io.clusterproof.drift.DriftService.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> drift.regressions(cluster.id(), 10).stream().anyMatch(r -> r.snapshotId() == after));
        var regression = drift.regressions(cluster.id(), 10).stream()
                .filter(r -> r.snapshotId() == after)
                .findFirst()
                .orElseThrow();
        var takenAt = context.getBean(io.clusterproof.snapshot.SnapshotReader.class)
                .summary(after)
                .orElseThrow()
                .takenAt();
        signInAs(Role.AUDITOR);
        navigate("drift", Map.of("cluster", cluster.id()));

        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("regressions"));
        var time = context.getBean(io.clusterproof.base.TimeFormatter.class);
        assertThat(GridKt._getFormattedRow(grid, 0).get(0))
                .isEqualTo("Snapshot #" + after + " of " + time.dateTime(takenAt));
        var link = (com.vaadin.flow.component.html.Anchor) io.clusterproof.support.UiTree.all(grid)
                .filter(c -> c.getId().orElse("").equals("regression-" + regression.id()))
                .findFirst()
                .orElseThrow();
        assertThat(link.getHref()).contains("from=" + before).contains("to=" + after);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ResourceChange> changes() {
        return _get(Grid.class, spec -> spec.withId("changes"));
    }

    private static void navigate(String path, Map<String, Object> query) {
        var parameters = new HashMap<String, String>();
        query.forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        UI.getCurrent().navigate(path, QueryParameters.simple(parameters));
        MockVaadin.clientRoundtrip();
    }
}
