package io.clusterproof.snapshot.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clusterproof.access.Role;
import io.clusterproof.base.Phrases;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.CollectionService;
import io.clusterproof.snapshot.RunStatus;
import io.clusterproof.snapshot.RunSummary;
import io.clusterproof.snapshot.SnapshotProperties;
import io.clusterproof.snapshot.SourceType;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

/**
 * The registered clusters with their last collection. Administrators register, edit, schedule and
 * collect; engineers and administrators upload dumps. While a collection runs, the page follows
 * its progress.
 */
@Route("clusters")
@PageTitle("Clusters")
@Menu(order = 20, icon = "vaadin:cluster", title = "Clusters")
@PermitAll
public class ClustersView extends VerticalLayout {

    private final ClusterService clusters;
    private final CollectionService collections;
    private final SnapshotProperties properties;
    private final TimeFormatter time;
    private final boolean admin;
    private final boolean uploader;
    private final Grid<ClusterSummary> grid = new Grid<>();

    ClustersView(
            ClusterService clusters,
            CollectionService collections,
            SnapshotProperties properties,
            TimeFormatter time,
            AuthenticationContext authentication) {
        this.clusters = clusters;
        this.collections = collections;
        this.properties = properties;
        this.time = time;
        this.admin = authentication.hasRole(Role.ADMIN_NAME);
        this.uploader = admin || authentication.hasRole(Role.ENGINEER_NAME);
        setSizeFull();
        add(createToolbar(), createGrid());
        addAttachListener(e -> {
            e.getUI().addPollListener(poll -> refresh());
            refresh();
        });
        addDetachListener(e -> e.getUI().setPollInterval(-1));
    }

    private Component createToolbar() {
        var intro =
                new Paragraph("Each cluster is collected on its schedule; a collection stores a snapshot, and every "
                        + "snapshot is assessed against the catalog.");
        intro.addClassName("cp-muted");
        var toolbar = new HorizontalLayout(intro);
        toolbar.setWidthFull();
        if (admin) {
            var register = ChangeAction.mark(new Button(
                    "Register a cluster",
                    VaadinIcon.PLUS.create(),
                    e -> new ClusterDialog(clusters, null, properties.defaultSchedule(), this::refresh).open()));
            register.setId("register-cluster");
            register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(register);
        }
        return toolbar;
    }

    private Component createGrid() {
        grid.setId("clusters");
        grid.addComponentColumn(c -> {
                    var link = new RouterLink(
                            c.name(), SnapshotsView.class, new RouteParameters("cluster", String.valueOf(c.id())));
                    return new Div(
                            link,
                            muted(
                                    c.definition().environment() == null
                                            ? ""
                                            : c.definition().environment()));
                })
                .setHeader("Cluster")
                .setAutoWidth(true);
        grid.addComponentColumn(
                        c -> new Div(new Span(c.definition().sourceType().label()), muted(source(c))))
                .setHeader("Source")
                .setFlexGrow(1);
        grid.addComponentColumn(this::schedule).setHeader("Schedule").setAutoWidth(true);
        grid.addComponentColumn(c -> lastRun(c.lastRun()))
                .setHeader("Last collection")
                .setWidth("18em")
                .setFlexGrow(2);
        grid.addComponentColumn(c -> c.missingKinds() == null
                        ? new Span("—")
                        : Badges.warning(c.missingKinds().count() + " missing: "
                                + c.missingKinds().kinds()))
                .setHeader("Missing kinds")
                .setWidth("12em")
                .setFlexGrow(1);
        grid.addComponentColumn(this::actions)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setEmptyStateText(
                admin ? "No clusters yet: register one above." : "No clusters yet: an administrator registers them.");
        return grid;
    }

    private Component schedule(ClusterSummary cluster) {
        var d = cluster.definition();
        if (!d.sourceType().scheduled()) {
            return new Span("uploads only");
        }
        return new Div(
                new Span(d.enabled() ? d.scheduleCron() : "off"),
                muted(cluster.nextRunAt() == null ? "" : "next " + time.dateTime(cluster.nextRunAt())));
    }

    private Component lastRun(@Nullable RunSummary run) {
        if (run == null) {
            return new Span("never");
        }
        var badge = switch (run.status()) {
            case SUCCEEDED -> Badges.success("Succeeded");
            case PARTIAL -> Badges.warning("Partial");
            case FAILED -> Badges.error("Failed");
            case INTERRUPTED -> Badges.error("Interrupted");
            case RUNNING -> Badges.neutral("Running");
        };
        var box = new Div(badge, new Span(" " + time.dateTime(run.startedAt())));
        box.getElement().setAttribute("data-run-status", run.status().name());
        if (run.status() == RunStatus.RUNNING) {
            var bar = new ProgressBar();
            if (run.kindsTotal() > 0) {
                bar.setValue((double) run.kindsDone() / run.kindsTotal());
                box.add(
                        bar,
                        muted(run.kindsDone() + " of " + Phrases.count(run.kindsTotal(), "kind") + " · "
                                + Phrases.count(run.objects(), "object") + " so far"));
            } else {
                // nothing is known before the first list call answers: no "0 of 0 kinds"
                bar.setIndeterminate(true);
                box.add(bar, muted("Starting…"));
            }
        } else {
            box.add(muted((run.duration() == null ? "" : run.duration().toMillis() / 1000.0 + " s · ")
                    + Phrases.count(run.objects(), "object")));
            if (run.message() != null) {
                // a long error (a stack of causes) stays two lines high; the whole text is its tooltip
                var message = muted(run.message());
                message.addClassName("cp-clamp");
                message.getElement().setAttribute("title", run.message());
                box.add(message);
            }
        }
        return box;
    }

    private Component actions(ClusterSummary cluster) {
        var actions = new HorizontalLayout();
        if (admin) {
            var edit = ChangeAction.mark(new Button(
                    "Edit",
                    e -> new ClusterDialog(clusters, cluster, properties.defaultSchedule(), this::refresh).open()));
            var collect =
                    ChangeAction.mark(new Button("Collect now", VaadinIcon.REFRESH.create(), e -> collect(cluster)));
            collect.setId("collect-" + cluster.name());
            collect.setEnabled(cluster.definition().sourceType().scheduled()
                    && (cluster.lastRun() == null || cluster.lastRun().status() != RunStatus.RUNNING));
            actions.add(edit, collect);
        }
        // an upload replaces the record of a collected cluster: administrators only, there
        if (admin || (uploader && cluster.definition().sourceType() == SourceType.UPLOAD)) {
            var upload = ChangeAction.mark(new Button(
                    "Upload dump",
                    VaadinIcon.UPLOAD.create(),
                    e -> new UploadDialog(collections, cluster, properties.maxUploadBytes(), this::refresh).open()));
            upload.setId("upload-" + cluster.name());
            actions.add(upload);
        }
        return actions;
    }

    private void collect(ClusterSummary cluster) {
        try {
            collections.collectNow(cluster.id());
            Notifications.info("Collecting " + cluster.name() + "…");
            refresh();
        } catch (UserFacingException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void refresh() {
        var all = clusters.list();
        grid.setItems(all);
        var running =
                all.stream().anyMatch(c -> c.lastRun() != null && c.lastRun().status() == RunStatus.RUNNING);
        UI.getCurrent().setPollInterval(running ? 1000 : -1);
    }

    private static String source(ClusterSummary cluster) {
        var d = cluster.definition();
        return switch (d.sourceType()) {
            case KUBECONFIG -> d.kubeconfigPath() + (d.kubeContext() == null ? "" : " · context " + d.kubeContext());
            case MANIFESTS -> String.valueOf(d.manifestPath());
            case IN_CLUSTER -> "service account of this pod";
            case UPLOAD -> "dumps uploaded here";
        };
    }

    private static Span muted(String text) {
        var span = new Span(text);
        span.addClassName("cp-formula");
        span.getStyle().set("display", "block");
        return span;
    }
}
