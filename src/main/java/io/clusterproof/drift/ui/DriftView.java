package io.clusterproof.drift.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clusterproof.access.Role;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.drift.AssessmentDiff;
import io.clusterproof.drift.BaselineService;
import io.clusterproof.drift.DriftProperties;
import io.clusterproof.drift.DriftService;
import io.clusterproof.drift.FindingChange;
import io.clusterproof.drift.ResourceChange;
import io.clusterproof.drift.WebhookService;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotSummary;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What changed in a cluster between two snapshots (by default the latest and the one before it, or
 * since an audit baseline): the score timeline with markers where scores moved, how posture moved,
 * the objects added, removed and changed with their field-level diffs, and the regression alerts
 * sent. The whole state is in the URL.
 */
@Route("drift")
@PageTitle("Drift")
@Menu(order = 5, icon = "vaadin:exchange", title = "Drift")
@PermitAll
public class DriftView extends VerticalLayout implements BeforeEnterObserver {

    private static final int REGRESSIONS_SHOWN = 20;

    private final ComparisonLookup lookup;
    private final DriftService drift;
    private final BaselineService baselines;
    private final WebhookService webhooks;
    private final SnapshotReader snapshots;
    private final Catalog catalog;
    private final DriftProperties properties;
    private final TimeFormatter time;
    private final boolean marksBaselines;
    private final boolean admin;
    private DriftState state = DriftState.from(UrlState.empty());

    DriftView(
            ComparisonLookup lookup,
            DriftService drift,
            BaselineService baselines,
            WebhookService webhooks,
            SnapshotReader snapshots,
            Catalog catalog,
            DriftProperties properties,
            TimeFormatter time,
            AuthenticationContext authentication) {
        this.lookup = lookup;
        this.drift = drift;
        this.baselines = baselines;
        this.webhooks = webhooks;
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.properties = properties;
        this.time = time;
        this.marksBaselines = authentication.hasAnyRole(Role.OFFICER_NAME, Role.ADMIN_NAME);
        this.admin = authentication.hasRole(Role.ADMIN_NAME);
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        state = DriftState.from(UrlState.of(event));
        render();
    }

    private void render() {
        removeAll();
        var comparison = lookup.resolve(state);
        add(new ComparisonBar(comparison, state, marksBaselines, baselines, time, this::change));
        var health = createAlertHealth();
        if (health != null) {
            add(health);
        }
        var cluster = comparison.cluster();
        if (cluster == null) {
            add(createEmptyState(
                    "No clusters yet",
                    "Drift compares snapshots of a cluster. Register a cluster and collect it twice to see what "
                            + "changed.",
                    new Anchor("clusters", "Register a cluster")));
            return;
        }
        var to = comparison.to();
        if (to == null) {
            add(createEmptyState(
                    "Not collected yet",
                    "This cluster has no snapshot yet. Collect it on the clusters page; drift needs two snapshots.",
                    new Anchor("clusters", "Clusters")));
            return;
        }
        var from = comparison.from();
        if (from == null || from.id() == to.id()) {
            add(from == null ? createOneSnapshotState() : createSameSnapshotState(comparison, from));
            add(createRegressions(cluster.id()));
            return;
        }
        add(createHeadline(comparison, from, to), createTimeline(comparison, from, to));
        var summary = drift.summary(from.id(), to.id());
        var assessmentDiff = drift.assessmentDiff(from.id(), to.id()).orElse(null);
        var links = new ChangeLinks(
                cluster.id(),
                from.id(),
                to.id(),
                assessmentDiff == null ? null : assessmentDiff.from().id(),
                assessmentDiff == null ? null : assessmentDiff.to().id());
        add(createPosture(assessmentDiff, links));
        add(new ChangesPanel(
                drift, summary, assessmentDiff, links, state, this::update, c -> openChange(c, assessmentDiff, links)));
        add(createRegressions(cluster.id()));
        if (state.open() != null) {
            drift.change(from.id(), to.id(), state.open()).ifPresent(c -> openChange(c, assessmentDiff, links));
        }
    }

    private @Nullable Component createAlertHealth() {
        var health = webhooks.health();
        if (!health.failing()) {
            return null;
        }
        var badge = Badges.error("Alert delivery failing");
        badge.setId("alert-health");
        var text = new Span("Regression alerts are not reaching " + String.join(", ", health.failingWebhooks())
                + (admin ? "." : ". Ask an administrator to look at the webhook."));
        var layout = new HorizontalLayout(badge, text);
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (admin) {
            layout.add(new Anchor("admin/webhooks?failed=true", "Delivery log"));
        }
        return layout;
    }

    private Component createHeadline(Comparison comparison, SnapshotSummary from, SnapshotSummary to) {
        var baseline = comparison.baseline() != null && comparison.baseline().snapshotId() == from.id()
                ? " — baseline \u201c" + comparison.baseline().name() + "\u201d"
                : "";
        var text = "Comparing the snapshot of " + time.dateTime(from.takenAt()) + " (#" + from.id() + baseline
                + ") with the snapshot of " + time.dateTime(to.takenAt()) + " (#" + to.id() + ").";
        if (from.takenAt().isAfter(to.takenAt())) {
            text += " The first is the later one, so the comparison runs back in time.";
        }
        var headline = new Paragraph(text);
        headline.setId("drift-headline");
        return headline;
    }

    private Component createTimeline(Comparison comparison, SnapshotSummary from, SnapshotSummary to) {
        var latest =
                comparison.snapshots().isEmpty() ? to : comparison.snapshots().get(0);
        var end = max(latest.takenAt(), to.takenAt()).plusSeconds(1);
        var start = min(min(from.takenAt(), to.takenAt()), end.minus(Duration.ofDays(properties.timelineDays())));
        var marks = new ArrayList<TimelineChart.Mark>();
        marks.add(new TimelineChart.Mark("From", from.takenAt()));
        marks.add(new TimelineChart.Mark("To", to.takenAt()));
        for (var baseline : comparison.baselines()) {
            if (!baseline.snapshotTakenAt().isBefore(start) && baseline.snapshotId() != from.id()) {
                marks.add(new TimelineChart.Mark(baseline.name(), baseline.snapshotTakenAt()));
            }
        }
        var chart = TimelineChart.of(drift.timeline(to.clusterId(), start.minusSeconds(1), end), marks);
        chart.setId("drift-timeline");
        var note = new Span("Control score per framework; markers where a score moved, bars where objects changed.");
        note.addClassName("cp-formula");
        var layout = new VerticalLayout(new H3("Timeline"), chart, note);
        layout.setPadding(false);
        layout.setSpacing(false);
        return layout;
    }

    private Component createPosture(@Nullable AssessmentDiff diff, ChangeLinks links) {
        if (diff != null) {
            return new PostureChangePanel(drift, catalog, diff, links, state, this::update);
        }
        var layout = new VerticalLayout(
                new H3("Posture"),
                new Paragraph("One of the two snapshots is not assessed yet; how posture moved shows once it is. "
                        + "A snapshot is assessed as soon as it is stored."));
        layout.setId("posture-change");
        layout.setPadding(false);
        return layout;
    }

    private Component createRegressions(long clusterId) {
        return new RegressionsPanel(
                drift.regressions(clusterId, REGRESSIONS_SHOWN),
                properties.alertSeverities(),
                time,
                id -> snapshots.summary(id).map(s -> s.takenAt()).orElse(null));
    }

    private static Component createOneSnapshotState() {
        return createEmptyState(
                "Only one snapshot so far",
                "Drift compares two snapshots. The next collection (scheduled, or \"Collect now\" on the clusters "
                        + "page) shows what changed since this one.",
                new Anchor("clusters", "Clusters"));
    }

    private static Component createSameSnapshotState(Comparison comparison, SnapshotSummary snapshot) {
        var baseline = comparison.baseline();
        if (baseline != null && baseline.snapshotId() == snapshot.id()) {
            return createEmptyState(
                    "Nothing changed since the baseline",
                    "Baseline \u201c" + baseline.name() + "\u201d is the latest snapshot. The next collection shows "
                            + "what changed since.");
        }
        return createEmptyState("The same snapshot twice", "Choose two different snapshots to compare.");
    }

    private static Component createEmptyState(String title, String text) {
        var box = new Div();
        box.setId("drift-empty");
        box.addClassName("cp-empty");
        box.add(new H2(title), new Paragraph(text));
        return box;
    }

    private static Component createEmptyState(String title, String text, Anchor action) {
        var box = createEmptyState(title, text);
        ((Div) box).add(action);
        return box;
    }

    private void openChange(ResourceChange change, @Nullable AssessmentDiff diff, ChangeLinks links) {
        var findings = diff == null
                ? List.<FindingChange>of()
                : drift.findingChangesOf(diff, List.of(change.key())).getOrDefault(change.key(), List.of());
        var dialog = new ChangeDialog(change, findings, links, snapshots, catalog);
        if (!Objects.equals(state.open(), change.key())) {
            state = state.withOpen(change.key());
            replaceUrl();
        }
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened() && state.open() != null) {
                state = state.withOpen(null);
                replaceUrl();
            }
        });
        dialog.open();
    }

    /** A new comparison, worth a back-button step: put it in the URL and show it. */
    private void change(DriftState next) {
        state = next;
        next.toUrl().push(getUI().orElseThrow());
        render();
    }

    /** A filter a panel applies itself: a back-button step, without showing everything again. */
    private DriftState update(UnaryOperator<DriftState> change) {
        state = change.apply(state);
        getUI().ifPresent(ui -> state.toUrl().push(ui));
        return state;
    }

    /** The diff opened or closed: the URL follows, without a back-button step. */
    private void replaceUrl() {
        getUI().ifPresent(ui -> state.toUrl().replace(ui));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
