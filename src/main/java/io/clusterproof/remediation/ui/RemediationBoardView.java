package io.clusterproof.remediation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.catalog.Severity;
import io.clusterproof.remediation.ItemFilter;
import io.clusterproof.remediation.ItemStatus;
import io.clusterproof.remediation.ItemSummary;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.remediation.TeamFigures;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Where platform teams work: remediation items filtered by team, status, severity, cluster and
 * overdue (engineers land on their own team), figures per team, and a CSV of what is shown.
 */
@Route("remediation")
@PageTitle("Remediation")
@Menu(order = 10, icon = "vaadin:tools", title = "Remediation")
@PermitAll
public class RemediationBoardView extends VerticalLayout implements BeforeEnterObserver {

    private final RemediationService remediation;
    private final ClusterService clusters;
    private final TimeFormatter time;
    private final String myTeam;
    private final ComboBox<ClusterSummary> cluster = new ComboBox<>("Cluster");
    private final ComboBox<String> team = new ComboBox<>("Team");
    private final MultiSelectComboBox<ItemStatus> status = new MultiSelectComboBox<>("Status");
    private final MultiSelectComboBox<Severity> severity = new MultiSelectComboBox<>("Severity");
    private final Checkbox overdue = new Checkbox("Overdue only");
    private final TextField text = new TextField("Contains");
    private final Grid<ItemSummary> grid = new Grid<>();
    private final Grid<TeamFigures> figures = new Grid<>();
    private boolean restoring;

    RemediationBoardView(
            RemediationService remediation,
            ClusterService clusters,
            UserService users,
            TimeFormatter time,
            AuthenticationContext authentication) {
        this.remediation = remediation;
        this.clusters = clusters;
        this.time = time;
        var engineer = authentication.hasRole(Role.ENGINEER_NAME);
        this.myTeam = engineer
                ? authentication
                        .getAuthenticatedUser(UserDetails.class)
                        .flatMap(u -> users.find(u.getUsername()))
                        .map(u -> u.team() == null ? "" : u.team())
                        .orElse("")
                : "";
        setSizeFull();
        add(createFilters(), createFigures(), createGrid());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var url = UrlState.of(event);
        restoring = true;
        cluster.setItems(clusters.list());
        team.setItems(remediation.teams());
        var clusterId = url.getLong("cluster").orElse(null);
        cluster.setValue(
                clusterId == null
                        ? null
                        : clusters.list().stream()
                                .filter(c -> c.id() == clusterId)
                                .findFirst()
                                .orElse(null));
        // an engineer lands on their own team's open items
        team.setValue(url.get("team").orElse(url.get("status").isEmpty() && !myTeam.isEmpty() ? myTeam : null));
        status.setValue(url.get("status")
                .map(v -> Arrays.stream(v.split(",")).map(ItemStatus::valueOf).collect(Collectors.toSet()))
                .orElse(EnumSet.of(
                        ItemStatus.OPEN,
                        ItemStatus.IN_PROGRESS,
                        ItemStatus.PENDING_VERIFICATION,
                        ItemStatus.REOPENED)));
        severity.setValue(url.get("severity")
                .map(v -> Arrays.stream(v.split(",")).map(Severity::valueOf).collect(Collectors.toSet()))
                .orElse(EnumSet.noneOf(Severity.class)));
        overdue.setValue(url.get("overdue").map(Boolean::parseBoolean).orElse(false));
        text.setValue(url.get("q", ""));
        restoring = false;
        refresh();
    }

    private Component createFilters() {
        cluster.setItemLabelGenerator(ClusterSummary::name);
        cluster.setClearButtonVisible(true);
        cluster.setPlaceholder("All");
        team.setClearButtonVisible(true);
        team.setPlaceholder("All");
        team.setId("team-filter");
        status.setItems(ItemStatus.values());
        status.setItemLabelGenerator(EnumLabels::of);
        status.setId("status-filter");
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(EnumLabels::of);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(cluster, team, status, severity, overdue, text)) {
            field.addValueChangeListener(e -> {
                if (!restoring && e.isFromClient()) {
                    state().push(getUI().orElseThrow());
                    refresh();
                }
            });
        }
        var export = new Anchor(csv(), "Export CSV");
        export.setId("export-items");
        var filters = new HorizontalLayout(cluster, team, status, severity, overdue, text, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    private DownloadHandler csv() {
        return event -> {
            event.setFileName("remediation-items.csv");
            event.setContentType("text/csv; charset=utf-8");
            try (var writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                remediation.exportCsv(filter(), writer);
            }
        };
    }

    private Component createFigures() {
        figures.setId("team-figures");
        figures.addColumn(TeamFigures::team).setHeader("Team").setAutoWidth(true);
        for (var s : Severity.values()) {
            figures.addColumn(f -> f.openBySeverity().getOrDefault(s.label(), 0L))
                    .setHeader("Open " + s.label())
                    .setAutoWidth(true);
        }
        figures.addColumn(TeamFigures::overdue).setHeader("Overdue").setAutoWidth(true);
        figures.addColumn(f -> f.medianDaysToResolve() == null
                        ? "—"
                        : String.format(Locale.ROOT, "%.1f days", f.medianDaysToResolve()))
                .setHeader("Median time to resolve")
                .setAutoWidth(true);
        figures.addColumn(TeamFigures::resolved).setHeader("Resolved").setAutoWidth(true);
        figures.setAllRowsVisible(true);
        figures.addThemeVariants(GridVariant.LUMO_COMPACT);
        return figures;
    }

    private Component createGrid() {
        grid.setId("items");
        grid.addColumn(ItemSummary::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(i -> severityBadge(i.severity()))
                .setHeader("Severity")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ItemSummary::title)
                .setHeader("Check")
                .setTooltipGenerator(ItemSummary::title)
                .setFlexGrow(3);
        grid.addColumn(i -> i.resource().display())
                .setHeader("Resource")
                .setTooltipGenerator(i -> i.resource().display())
                .setFlexGrow(2);
        grid.addColumn(i -> i.team() == null ? "" : i.team()).setHeader("Team").setAutoWidth(true);
        grid.addComponentColumn(i -> ItemBadges.of(i.status()))
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(i -> {
                    var due = new Span(time.date(i.dueAt()));
                    if (i.overdue()) {
                        due.addClassName("cp-stale");
                        due.setText(time.date(i.dueAt()) + " (overdue)");
                    }
                    return due;
                })
                .setHeader("Due")
                .setSortProperty("dueAt")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setEmptyStateText("No remediation item matches these filters.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                RemediationItemView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id())))));
        return grid;
    }

    private ItemFilter filter() {
        return new ItemFilter(
                cluster.getValue() == null ? null : cluster.getValue().id(),
                team.getValue(),
                status.getValue().isEmpty() ? null : EnumSet.copyOf(status.getValue()),
                severity.getValue().isEmpty() ? null : EnumSet.copyOf(severity.getValue()),
                overdue.getValue(),
                text.getValue());
    }

    private UrlState state() {
        return UrlState.empty()
                .with(
                        "cluster",
                        cluster.getValue() == null ? null : cluster.getValue().id())
                .with("team", team.getValue())
                .with(
                        "status",
                        status.getValue().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .with(
                        "severity",
                        severity.getValue().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .with("overdue", overdue.getValue() ? "true" : null)
                .with("q", text.getValue());
    }

    private void refresh() {
        var filter = filter();
        grid.setItems(query -> remediation.page(filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        var teamFigures = remediation.figures(filter.clusterId());
        figures.setItems(
                filter.team() == null
                        ? teamFigures
                        : teamFigures.stream()
                                .filter(f -> f.team().equals(filter.team()))
                                .toList());
    }

    static Span severityBadge(Severity severity) {
        return switch (severity) {
            case CRITICAL -> Badges.error("Critical");
            case HIGH -> Badges.warning("High");
            default -> Badges.neutral(EnumLabels.of(severity));
        };
    }
}
