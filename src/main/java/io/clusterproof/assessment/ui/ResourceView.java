package io.clusterproof.assessment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.StoredFinding;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.base.ui.YamlView;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.SnapshotReader;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.TreeSet;

/** Every finding of one resource, across frameworks, and the resource itself. */
@Route("resource")
@PageTitle("Resource")
@PermitAll
public class ResourceView extends VerticalLayout implements BeforeEnterObserver {

    private final PostureLookup lookup;
    private final AssessmentQueries assessments;
    private final SnapshotReader snapshots;
    private final Catalog catalog;
    private final TimeFormatter time;

    ResourceView(
            PostureLookup lookup,
            AssessmentQueries assessments,
            SnapshotReader snapshots,
            Catalog catalog,
            TimeFormatter time) {
        this.lookup = lookup;
        this.assessments = assessments;
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.time = time;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var url = UrlState.of(event);
        var state = asOfSnapshot(url, PostureState.from(url));
        var ref = FindingRef.from(url).orElse(null);
        var assessment = lookup.resolve(state, true).assessment();
        if (ref == null || assessment == null) {
            add(
                    new H2("Resource not found"),
                    new Paragraph("The link does not name a resource of an assessed snapshot."));
            return;
        }
        var resource = ref.resource();
        add(new H2(resource.display()));
        var findings = assessments.findingsOf(assessment.id(), resource);
        var grid = new Grid<StoredFinding>();
        grid.setId("resource-findings");
        grid.addComponentColumn(f -> StatusBadges.of(f.status()))
                .setHeader("Result")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(f -> catalog.check(f.checkId())
                        .map(c -> c.definition().title())
                        .orElse(f.checkId()))
                .setHeader("Check")
                .setWidth("14em")
                .setFlexGrow(1);
        grid.addComponentColumn(f -> StatusBadges.of(f.severity()))
                .setHeader("Severity")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(f -> frameworks(f))
                .setHeader("Frameworks")
                .setWidth("10em")
                .setFlexGrow(1);
        grid.addColumn(StoredFinding::message)
                .setHeader("Message")
                .setWidth("20em")
                .setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(findings);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No check looks at this resource.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                FindingView.class,
                new FindingRef(e.getItem().checkId(), resource)
                        .write(state.toUrl())
                        .toQueryParameters())));
        add(
                new Paragraph(findings.size() + " checks looked at it in the assessment of "
                        + time.dateTime(assessment.snapshotTakenAt()) + "."),
                grid);
        snapshots.object(assessment.snapshotId(), resource).ifPresent(object -> {
            var inspected = findings.stream().flatMap(f -> f.paths().stream()).toList();
            var failing = findings.stream()
                    .filter(f -> f.status().name().equals("FAIL"))
                    .flatMap(f -> f.paths().stream())
                    .toList();
            add(
                    new H3("The resource as collected (redacted)"),
                    new YamlView(object.body(), failing.isEmpty() ? List.of() : failing));
            if (!inspected.isEmpty()) {
                getElement().setAttribute("data-inspected", String.join(",", inspected));
            }
        });
    }

    private String frameworks(StoredFinding finding) {
        var names = new TreeSet<String>();
        finding.frameworks()
                .forEach(
                        id -> names.add(catalog.framework(id).map(f -> f.name()).orElse(id)));
        return String.join(", ", names);
    }

    /**
     * A link from a snapshot's page names the snapshot: the resource is shown as of that snapshot's
     * assessment, not the latest one.
     */
    private PostureState asOfSnapshot(UrlState url, PostureState state) {
        return url.getLong("snapshot")
                .flatMap(assessments::forSnapshot)
                .map(a -> new PostureState(a.clusterId(), a.id(), state.namespaces(), state.team()))
                .orElse(state);
    }
}
