package io.clusterproof.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.assessment.DriftLinks;
import io.clusterproof.assessment.FrameworkScore;
import io.clusterproof.assessment.Posture;
import io.clusterproof.assessment.ScopeText;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.SnapshotReader;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The auditor's first page: the fleet, a row per cluster with how fresh its evidence is and each
 * framework's control score; and for one cluster, each framework's control score, resource score
 * and automated coverage with their formulas, counts by status, the trend over 90 days, and how
 * fresh the evidence is.
 */
@Route("")
@PageTitle("Posture")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Posture")
@PermitAll
public class DashboardView extends VerticalLayout implements BeforeEnterObserver {

    static final Duration TREND = Duration.ofDays(90);

    private final PostureLookup lookup;
    private final AssessmentQueries assessments;
    private final SnapshotReader snapshots;
    private final Catalog catalog;
    private final TimeFormatter time;
    private final Clock clock;
    private final ObjectProvider<DriftLinks> driftLinks;
    private PostureState state = PostureState.from(UrlState.empty());

    DashboardView(
            PostureLookup lookup,
            AssessmentQueries assessments,
            SnapshotReader snapshots,
            Catalog catalog,
            TimeFormatter time,
            Clock clock,
            ObjectProvider<DriftLinks> driftLinks) {
        this.lookup = lookup;
        this.assessments = assessments;
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.time = time;
        this.clock = clock;
        this.driftLinks = driftLinks;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        state = PostureState.from(UrlState.of(event));
        render();
    }

    private void render() {
        removeAll();
        var resolved = lookup.resolve(state, false);
        if (resolved.clusters().isEmpty()) {
            add(createEmptyState());
            return;
        }
        add(new ScopeBar(resolved, state, true, assessments, time, this::change));
        var cluster = resolved.cluster();
        if (cluster == null) {
            add(createFleet(resolved.clusters()));
        } else {
            add(createClusterSection(cluster, resolved.assessment(), resolved.namespaces()));
        }
    }

    /** Every cluster as a row of a lazy grid; a cluster's cards, trends and drift links are one click away. */
    private Component createFleet(List<ClusterSummary> clusters) {
        var count = new Span(
                clusters.size() == 1
                        ? "1 cluster. Open it for its scores by framework, trends and drift."
                        : clusters.size() + " clusters. Open one for its scores by framework, trends and drift.");
        count.addClassName("cp-muted");
        var grid = new FleetGrid(
                clusters,
                catalog.frameworks(),
                assessments,
                snapshots,
                time,
                clock,
                cluster -> change(state.withCluster(cluster.id())));
        var fleet = new VerticalLayout(count, grid);
        fleet.setPadding(false);
        fleet.setWidthFull();
        return fleet;
    }

    private void change(PostureState next) {
        state = next;
        next.toUrl().push(getUI().orElseThrow());
        render();
    }

    private Component createEmptyState() {
        var box = new Div();
        box.setId("empty-dashboard");
        box.addClassName("cp-empty");
        box.add(new H2("No clusters yet"));
        box.add(new Paragraph("ClusterProof shows posture once a cluster is registered and collected. Register a live "
                + "cluster (kubeconfig), a folder of manifests, or upload a dump of an air-gapped cluster."));
        box.add(new Anchor("clusters", "Register a cluster"));
        return box;
    }

    private Component createClusterSection(
            ClusterSummary cluster, @Nullable AssessmentSummary assessment, List<String> namespaces) {
        var section = new VerticalLayout();
        section.setPadding(false);
        section.addClassName("cp-cluster");
        section.getElement().setAttribute("data-cluster", cluster.name());
        var latest = snapshots.latest(cluster.id()).orElse(null);
        var freshness = Freshness.of(cluster, latest, clock.instant(), time.zone());
        var title = new H3(cluster.name());
        var fresh = freshness.stale() ? Badges.error("Stale") : Badges.success("Fresh");
        fresh.getElement().setAttribute("title", freshness.reason());
        fresh.addClassName(freshness.stale() ? "cp-stale" : "cp-fresh");
        var taken = new Span(
                freshness.lastSnapshot() == null
                        ? "never collected"
                        : "last snapshot " + time.dateTime(freshness.lastSnapshot()) + " · " + freshness.reason());
        taken.addClassName("cp-muted");
        var header = new HorizontalLayout(title, fresh, taken);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        driftLinks.ifAvailable(links -> links.forCluster(cluster.id()).forEach(link -> {
            var anchor = new Anchor(link.path(), link.label());
            anchor.addClassName("cp-drift-link");
            header.add(anchor);
        }));
        section.add(header);
        if (assessment == null) {
            section.add(new Paragraph("Not assessed yet: the first collection has not finished. It is assessed as soon "
                    + "as it is stored."));
            return section;
        }
        if (!assessment.mainLineage()
                || assessment.id()
                        != assessments
                                .latest(cluster.id())
                                .map(AssessmentSummary::id)
                                .orElse(-1L)) {
            var asOf = new Span("Showing posture as of " + time.dateTime(assessment.snapshotTakenAt()));
            asOf.addClassName("cp-stale");
            section.add(asOf);
        }
        snapshots.summary(assessment.snapshotId()).ifPresent(snapshot -> {
            var source = new Span("Evidence source: " + snapshot.provenance().describe());
            source.setId("evidence-source-" + cluster.id());
            source.addClassName(snapshot.provenance().offSource() ? "cp-stale" : "cp-muted");
            section.add(source);
        });
        if (!namespaces.isEmpty()) {
            var note = new Span("Scores for the selected namespaces only; the trend shows the whole cluster.");
            note.addClassName("cp-muted");
            section.add(note);
        }
        var cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        cards.setWidthFull();
        var stored = assessments.scores(assessment.id());
        for (var framework : catalog.frameworks()) {
            var posture = namespaces.isEmpty()
                    ? stored.stream()
                            .filter(s -> s.frameworkId().equals(framework.id()))
                            .findFirst()
                            .map(s -> new Posture(s, List.of(), false))
                            .orElse(null)
                    : assessments.posture(assessment.id(), framework.id(), namespaces);
            if (posture != null) {
                cards.add(createCard(cluster, assessment, framework, posture.score()));
            }
        }
        section.add(cards);
        return section;
    }

    private Component createCard(
            ClusterSummary cluster, AssessmentSummary assessment, FrameworkDefinition framework, FrameworkScore score) {
        var card = new VerticalLayout();
        card.addClassName("cp-card");
        card.setWidth("30em");
        card.setSpacing(false);
        card.getElement().setAttribute("data-framework", framework.id());
        var open =
                new RouterLink(framework.name(), FrameworkView.class, new RouteParameters("framework", framework.id()));
        open.setQueryParameters(state.withCluster(cluster.id())
                .withAssessment(assessment.id())
                .withNamespaces(state.namespaces())
                .withTeam(state.team())
                .toUrl()
                .toQueryParameters());
        open.getStyle().set("font-weight", "600");
        card.add(open);
        if (score.scopeEmpty()) {
            var empty = new Paragraph(ScopeText.empty(framework));
            empty.setId("scope-empty-" + framework.id());
            empty.addClassName("cp-stale");
            card.add(empty);
        } else {
            card.add(createFigures(framework, score), createSeverityLine(score));
        }
        var controls = score.controls();
        var controlLine = new Span("Controls: " + controls.pass() + " pass · " + controls.passWaived()
                + " pass (waived) · " + controls.fail() + " fail · " + controls.needsAttestation()
                + " need attestation · " + controls.attested() + " attested · " + controls.unknown() + " unknown · "
                + controls.error() + " error · " + controls.notApplicable() + " not applicable");
        controlLine.getElement().setAttribute("data-control-counts", framework.id());
        var findings = score.findings();
        var findingLine = new Span("Resource-checks: " + findings.pass() + " pass · " + findings.fail() + " fail · "
                + findings.waived() + " waived · " + findings.unknown() + " unknown · " + findings.error() + " error");
        controlLine.addClassName("cp-formula");
        findingLine.addClassName("cp-formula");
        var end = assessment.snapshotTakenAt().plusSeconds(1);
        var trend = TrendChart.of(assessments.trend(cluster.id(), framework.id(), end.minus(TREND), end), time.zone());
        card.add(controlLine, findingLine, trend);
        return card;
    }

    private static Component createFigures(FrameworkDefinition framework, FrameworkScore score) {
        var figures = new HorizontalLayout(
                new ScoreFigure(
                        "control-score-" + framework.id(),
                        "Control score",
                        score.controlScore(),
                        score.passingControls(),
                        score.scoredControls(),
                        "pass, pass (waived) or attested",
                        FrameworkScore.CONTROL_SCORE_FORMULA),
                new ScoreFigure(
                        "verified-share-" + framework.id(),
                        "Verified share",
                        score.verifiedShare(),
                        score.verifiedControls(),
                        score.scoredControls(),
                        "pass by checks alone",
                        FrameworkScore.VERIFIED_SHARE_FORMULA),
                new ScoreFigure(
                        "resource-score-" + framework.id(),
                        "Resource score",
                        score.resourceScore(),
                        score.passingChecks(),
                        score.totalChecks(),
                        "resource-checks pass or waived",
                        FrameworkScore.RESOURCE_SCORE_FORMULA),
                new ScoreFigure(
                        "coverage-" + framework.id(),
                        "Automated coverage",
                        score.coverage(),
                        score.automatedControls(),
                        score.totalControls(),
                        "of the " + score.totalControls() + " requirements in this catalog",
                        "Automated coverage = controls that checks prove completely ÷ the " + score.totalControls()
                                + " requirements in this catalog."));
        figures.setWidthFull();
        return figures;
    }

    /** The resource score per severity, so a few critical findings are not lost among many low ones. */
    private static Component createSeverityLine(FrameworkScore score) {
        var parts = score.severities().stream()
                .map(s -> s.severity().label() + " " + String.format(Locale.ROOT, "%.1f%%", s.resourceScore()) + " ("
                        + s.passingChecks() + " of " + s.totalChecks() + ")")
                .toList();
        var line = new Span(
                "Resource score by severity: " + (parts.isEmpty() ? "no resource-checks" : String.join(" · ", parts)));
        line.addClassName("cp-formula");
        line.setId("severity-scores-" + score.frameworkId());
        return line;
    }
}
