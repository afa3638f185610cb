package io.clusterproof.snapshot.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clusterproof.access.Role;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotStatus;
import io.clusterproof.snapshot.SnapshotSummary;
import io.clusterproof.snapshot.SourceType;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;

/** The snapshots of one cluster, newest first, with what changed in each and what it cost to store. */
@Route("clusters/:cluster/snapshots")
@PageTitle("Snapshots")
@PermitAll
public class SnapshotsView extends VerticalLayout implements BeforeEnterObserver {

    private final ClusterService clusters;
    private final SnapshotReader snapshots;
    private final AgentService agents;
    private final TimeFormatter time;
    private final boolean admin;

    SnapshotsView(
            ClusterService clusters,
            SnapshotReader snapshots,
            AgentService agents,
            TimeFormatter time,
            AuthenticationContext authentication) {
        this.clusters = clusters;
        this.snapshots = snapshots;
        this.agents = agents;
        this.time = time;
        this.admin = authentication.hasRole(Role.ADMIN_NAME);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var id = event.getRouteParameters().getLong("cluster").orElse(-1L);
        var cluster = clusters.get(id).orElse(null);
        if (cluster == null) {
            add(new H2("Unknown cluster"), new Paragraph("There is no cluster " + id + "."));
            return;
        }
        add(new RouterLink("← Clusters", ClustersView.class), new H2("Snapshots of " + cluster.name()));
        if (cluster.definition().sourceType() == SourceType.AGENT) {
            add(new AgentPanel(agents, cluster, time, admin));
        }
        var grid = new Grid<SnapshotSummary>();
        grid.setId("snapshots");
        grid.addColumn(s -> time.dateTime(s.takenAt()))
                .setHeader("Taken")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(s ->
                        s.status() == SnapshotStatus.COMPLETE ? Badges.success("Complete") : Badges.warning("Partial"))
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(SnapshotSummary::objects)
                .setHeader("Objects")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> "+" + s.added() + "  ~" + s.changed() + "  −" + s.removed())
                .setHeader("New / changed / removed")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> bytes(s.storedBytes()))
                .setHeader("Stored")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.digest().substring(0, 16) + "…")
                .setHeader("Digest")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setTooltipGenerator(SnapshotSummary::digest);
        grid.addColumn(s -> s.kubernetesVersion() == null ? "" : s.kubernetesVersion())
                .setHeader("Kubernetes")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.provenance().describe()).setHeader("Source").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setItems(query -> snapshots.list(id, PageRequest.of(query.getPage(), query.getPageSize())).stream());
        grid.setEmptyStateText("No snapshot yet: the first collection has not finished.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                ResourceBrowserView.class,
                new RouteParameters("snapshot", String.valueOf(e.getItem().id())))));
        add(
                new Paragraph(
                        "Stored = bytes this snapshot added: an unchanged object costs nothing. Open a snapshot to "
                                + "browse its objects."),
                grid);
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
