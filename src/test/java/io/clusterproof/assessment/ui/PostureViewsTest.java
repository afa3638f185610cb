package io.clusterproof.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.clusterproof.support.UiTree.all;
import static io.clusterproof.support.UiTree.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import io.clusterproof.access.Role;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.assessment.FrameworkScore;
import io.clusterproof.assessment.StoredFinding;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.EChart;
import io.clusterproof.base.ui.MarkdownText;
import io.clusterproof.base.ui.YamlView;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.snapshot.ui.ClustersView;
import io.clusterproof.snapshot.ui.ResourceBrowserView;
import io.clusterproof.snapshot.ui.SnapshotsView;
import io.clusterproof.support.KaribuTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The posture views on the demo cluster's manifests, server-side. */
class PostureViewsTest extends KaribuTest {

    static final Path DEMO = Path.of("src/main/resources/demo/cluster");

    private static ClusterSummary cluster;
    private static long assessment;
    private static long snapshot;

    @Autowired
    TestClusters clusters;

    @Autowired
    AssessmentQueries assessments;

    @BeforeEach
    void collectTheDemoOnce() {
        if (cluster == null) {
            cluster = clusters.manifests("posture", DEMO);
            var run = clusters.collect(cluster);
            snapshot = run.snapshotId();
            assessment = clusters.latestAssessment(snapshot);
        }
        signInAs(Role.AUDITOR);
    }

    @Test
    void the_dashboard_shows_each_framework_with_its_scores_and_formulas() {
        navigate("", Map.of("cluster", cluster.id()));

        var section = _get(
                VerticalLayout.class,
                spec -> spec.withClasses("cp-cluster")
                        .withPredicate(d -> cluster.name().equals(d.getElement().getAttribute("data-cluster"))));
        var stored = assessments.scores(assessment);
        assertThat(stored).hasSize(3);
        for (var score : stored) {
            var figure = _get(section, ScoreFigure.class, spec -> spec.withId("control-score-" + score.frameworkId()));
            assertThat(figure.getElement().getAttribute("data-score")).isEqualTo(String.valueOf(score.controlScore()));
            assertThat(text(figure))
                    .contains(score.passingControls() + " of " + score.scoredControls())
                    .contains("pass, pass (waived) or attested");
            assertThat(figure.getElement().getAttribute("title")).isEqualTo(FrameworkScore.CONTROL_SCORE_FORMULA);
            var verified =
                    _get(section, ScoreFigure.class, spec -> spec.withId("verified-share-" + score.frameworkId()));
            assertThat(verified.getElement().getAttribute("data-score"))
                    .isEqualTo(String.valueOf(score.verifiedShare()));
            assertThat(text(_get(section, ScoreFigure.class, spec -> spec.withId("coverage-" + score.frameworkId()))))
                    .contains("of the " + score.totalControls() + " requirements in this catalog");
            _get(section, ScoreFigure.class, spec -> spec.withId("resource-score-" + score.frameworkId()));
            _get(section, ScoreFigure.class, spec -> spec.withId("coverage-" + score.frameworkId()));
        }
        assertThat(_find(section, EChart.class)).hasSize(3);
    }

    @Test
    void a_namespace_filter_narrows_the_dashboard_and_stays_in_the_url() {
        navigate("", Map.of("cluster", cluster.id(), "ns", "payments"));

        var section = _get(VerticalLayout.class, spec -> spec.withClasses("cp-cluster"));
        assertThat(text(section)).contains("Scores for the selected namespaces only");
        var namespaces = _get(MultiSelectComboBox.class, spec -> spec.withId("scope-namespaces"));
        assertThat(namespaces.getValue()).isEqualTo(Set.of("payments"));
        var narrowed = assessments
                .posture(assessment, "pci-dss-4.0", List.of("payments"))
                .score();
        var figure = _get(ScoreFigure.class, spec -> spec.withId("resource-score-pci-dss-4.0"));
        assertThat(figure.getElement().getAttribute("data-score")).isEqualTo(String.valueOf(narrowed.resourceScore()));
    }

    @Test
    void the_framework_view_groups_controls_by_section_and_filters_by_status() {
        navigate("frameworks/pci-dss-4.0", Map.of("cluster", cluster.id(), "status", "FAIL"));

        @SuppressWarnings("unchecked")
        TreeGrid<FrameworkView.Row> grid = _get(TreeGrid.class, spec -> spec.withId("controls"));
        var roots = grid.getTreeData().getRootItems();
        assertThat(roots).isNotEmpty().allMatch(r -> r instanceof FrameworkView.SectionRow);
        var controls = roots.stream()
                .flatMap(r -> grid.getTreeData().getChildren(r).stream())
                .toList();
        assertThat(controls)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(
                                ((FrameworkView.ControlRow) row).result().status())
                        .isEqualTo(ControlStatus.FAIL));
        var stored = assessments.controls(assessment, "pci-dss-4.0").stream()
                .filter(c -> c.status() == ControlStatus.FAIL)
                .count();
        assertThat(controls).hasSize((int) stored);
    }

    @Test
    void the_framework_view_filters_by_text() {
        navigate("frameworks/hipaa-security-rule", Map.of("cluster", cluster.id(), "q", "164.312(a)(1)"));

        @SuppressWarnings("unchecked")
        TreeGrid<FrameworkView.Row> grid = _get(TreeGrid.class, spec -> spec.withId("controls"));
        var refs = grid.getTreeData().getRootItems().stream()
                .flatMap(r -> grid.getTreeData().getChildren(r).stream())
                .map(r -> ((FrameworkView.ControlRow) r).control().ref())
                .toList();
        assertThat(refs).containsExactly("164.312(a)(1)");
    }

    @Test
    void the_control_view_lists_its_evidence_and_every_resources_result() {
        navigate("control", Map.of("cluster", cluster.id(), "framework", "pci-dss-4.0", "ref", "2.2.1"));

        var firstCheck = context.getBean(Catalog.class)
                .check(checksOf("pci-dss-4.0", "2.2.1").get(0))
                .orElseThrow();
        assertThat(text(_get(Component.class, spec -> spec.withId("mapped-checks"))))
                .contains(firstCheck.definition().title());
        @SuppressWarnings("unchecked")
        Grid<StoredFinding> results = _get(Grid.class, spec -> spec.withId("results"));
        var expected = assessments.countFindings(
                assessment,
                FindingFilter.all().withFramework("pci-dss-4.0").withChecks(checksOf("pci-dss-4.0", "2.2.1")));
        assertThat(GridKt._size(results)).isEqualTo((int) expected).isPositive();
        assertThat(GridKt._get(results, 0).status()).isEqualTo(FindingStatus.FAIL);
    }

    @Test
    void an_attestation_control_says_what_must_be_attested() {
        navigate("control", Map.of("cluster", cluster.id(), "framework", "pci-dss-4.0", "ref", "12.10.1"));

        assertThat(text(_get(Div.class, spec -> spec.withId("attestation"))))
                .contains("needs a person's attestation")
                .contains("What is attested");
    }

    @Test
    void a_finding_shows_remediation_references_and_the_highlighted_yaml() {
        var failing = assessments
                .findings(
                        assessment,
                        FindingFilter.all()
                                .withChecks(List.of("privileged-container"))
                                .withStatuses(EnumSet.of(FindingStatus.FAIL)),
                        0,
                        1)
                .get(0);
        navigate(
                "finding",
                Map.of(
                        "cluster",
                        cluster.id(),
                        "check",
                        failing.checkId(),
                        "rgroup",
                        failing.resource().group(),
                        "rkind",
                        failing.resource().kind(),
                        "rns",
                        failing.resource().namespace(),
                        "rname",
                        failing.resource().name()));

        assertThat(text(_get(Paragraph.class, spec -> spec.withId("finding-message"))))
                .startsWith("A container runs privileged");
        var remediation = _get(MarkdownText.class, spec -> spec.withId("finding-remediation-text"));
        assertThat(remediation.getElement().getProperty("innerHTML"))
                .contains("<code>securityContext.privileged: true</code>")
                .doesNotContain("`");
        assertThat(text(_get(Paragraph.class, spec -> spec.withId("finding-references"))))
                .contains("C-0057");
        var yaml = _get(YamlView.class, spec -> spec.withId("finding-yaml"));
        assertThat(Integer.parseInt(yaml.getElement().getAttribute("data-highlighted-lines")))
                .isPositive();
        // the demo's privileged pod sits outside the CDE: it is evidence for GDPR, never for PCI DSS
        assertThat(failing.frameworks()).contains("gdpr").doesNotContain("pci-dss-4.0");
        assertThat(text(_get(Div.class, spec -> spec.withId("finding-facts"))))
                .contains("First seen")
                .contains("Last seen")
                .contains("Evidence for:GDPR Art. 32(1)(b)")
                .doesNotContain("PCI DSS");
        assertThat(text(_get(Div.class, spec -> spec.withId("finding-remediation"))))
                .doesNotContain("OPEN");
    }

    @Test
    void the_resource_view_lists_every_finding_of_the_resource() {
        navigate(
                "resource",
                Map.of(
                        "cluster",
                        cluster.id(),
                        "rgroup",
                        "apps",
                        "rkind",
                        "Deployment",
                        "rns",
                        "payments",
                        "rname",
                        "payment-gateway"));

        @SuppressWarnings("unchecked")
        Grid<StoredFinding> grid = _get(Grid.class, spec -> spec.withId("resource-findings"));
        assertThat(GridKt._size(grid)).isGreaterThan(10);
        assertThat(GridKt._get(grid, 0).resource().name()).isEqualTo("payment-gateway");
    }

    @Test
    void an_auditor_sees_no_action_that_changes_data() {
        var pages = new ArrayList<Runnable>(List.of(
                () -> navigate("", Map.of()),
                () -> navigate("", Map.of("cluster", cluster.id())),
                () -> navigate("frameworks/gdpr", Map.of("cluster", cluster.id())),
                () -> navigate("control", Map.of("cluster", cluster.id(), "framework", "gdpr", "ref", "Art. 32(1)(b)")),
                () -> navigate(
                        "resource",
                        Map.of(
                                "cluster",
                                cluster.id(),
                                "rgroup",
                                "apps",
                                "rkind",
                                "Deployment",
                                "rns",
                                "payments",
                                "rname",
                                "payment-gateway")),
                () -> UI.getCurrent().navigate(ClustersView.class),
                () -> UI.getCurrent()
                        .navigate(SnapshotsView.class, new RouteParameters("cluster", String.valueOf(cluster.id()))),
                () -> UI.getCurrent()
                        .navigate(
                                ResourceBrowserView.class, new RouteParameters("snapshot", String.valueOf(snapshot)))));
        for (var page : pages) {
            page.run();
            MockVaadin.clientRoundtrip();
            assertThat(all(UI.getCurrent())
                            .filter(c -> c.getElement().hasAttribute(ChangeAction.ATTRIBUTE))
                            .toList())
                    .as(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                    .isEmpty();
        }
    }

    @Test
    void an_administrator_does_see_the_actions_the_auditor_does_not() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(ClustersView.class);
        MockVaadin.clientRoundtrip();

        assertThat(all(UI.getCurrent())
                        .filter(c -> c.getElement().hasAttribute(ChangeAction.ATTRIBUTE))
                        .count())
                .isPositive();
    }

    private List<String> checksOf(String framework, String ref) {
        return context.getBean(Catalog.class).framework(framework).orElseThrow().controls().stream()
                .filter(c -> c.ref().equals(ref))
                .findFirst()
                .orElseThrow()
                .mappedChecks()
                .stream()
                .map(m -> m.id())
                .toList();
    }

    static void navigate(String path, Map<String, Object> query) {
        var parameters = new HashMap<String, String>();
        query.forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        UI.getCurrent().navigate(path, QueryParameters.simple(parameters));
        MockVaadin.clientRoundtrip();
    }
}
