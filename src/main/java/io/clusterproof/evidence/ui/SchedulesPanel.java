package io.clusterproof.evidence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.Phrases;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.evidence.EvidenceSchedules;
import io.clusterproof.evidence.ScheduleRun;
import io.clusterproof.evidence.ScheduleSummary;
import io.clusterproof.snapshot.ClusterService;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/** The scheduled exports and their recent runs; administrators create, change, run and delete them. */
class SchedulesPanel extends VerticalLayout {

    private final EvidenceSchedules schedules;
    private final ClusterService clusters;
    private final Catalog catalog;
    private final TimeFormatter time;
    private final boolean admin;
    private final Grid<ScheduleSummary> grid = new Grid<>();
    private final Grid<ScheduleRun> runs = new Grid<>();
    private final CallbackDataProvider<ScheduleRun, Void> runData;
    private Map<Long, String> clusterNames = Map.of();

    SchedulesPanel(
            EvidenceSchedules schedules, ClusterService clusters, Catalog catalog, TimeFormatter time, boolean admin) {
        this.schedules = schedules;
        this.clusters = clusters;
        this.catalog = catalog;
        this.time = time;
        this.admin = admin;
        setPadding(false);
        runData = DataProvider.fromCallbacks(
                (Query<ScheduleRun, Void> q) ->
                        schedules.runs(PageRequest.of(q.getOffset() / q.getLimit(), q.getLimit())).stream(),
                q -> (int) schedules.runs(PageRequest.of(0, 1)).getTotalElements());
        add(createToolbar(), createGrid(), createRuns());
        refresh();
    }

    private Component createToolbar() {
        var intro = new Paragraph(
                admin
                        ? "Each run stores one pack per framework in the locker and, if you give addresses, emails it."
                        : "Each run stores one pack per framework in the locker. Only administrators change schedules.");
        intro.addClassName("cp-muted");
        var toolbar = new HorizontalLayout(intro);
        toolbar.setWidthFull();
        if (admin) {
            var create =
                    ChangeAction.mark(new Button("New scheduled export", VaadinIcon.PLUS.create(), e -> open(null)));
            create.setId("schedule-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        return toolbar;
    }

    private Component createGrid() {
        grid.setId("schedules");
        grid.addColumn(ScheduleSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(s -> clusterNames(s)).setHeader("Clusters").setFlexGrow(1);
        grid.addColumn(s -> s.definition().frameworkIds().stream()
                        .map(this::frameworkName)
                        .collect(java.util.stream.Collectors.joining(", ")))
                .setHeader("Frameworks")
                .setFlexGrow(1);
        grid.addComponentColumn(s -> new Div(
                        new Span(s.definition().enabled() ? s.definition().cron() : "off"),
                        muted(s.nextRunAt() == null ? "" : "next " + time.dateTime(s.nextRunAt()))))
                .setHeader("When")
                .setAutoWidth(true);
        grid.addColumn(s -> Phrases.count(s.definition().periodDays(), "day") + " · kept "
                        + Phrases.count(s.definition().retentionDays(), "day"))
                .setHeader("Covers · kept")
                .setAutoWidth(true);
        grid.addColumn(s -> s.definition().recipients().isEmpty()
                        ? "—"
                        : String.join(", ", s.definition().recipients()))
                .setHeader("Email to")
                .setFlexGrow(1);
        if (admin) {
            grid.addComponentColumn(this::actions)
                    .setHeader("")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(admin ? "No scheduled export yet: create one above." : "No scheduled export yet.");
        return grid;
    }

    private Component createRuns() {
        runs.setId("schedule-runs");
        runs.setItems(runData);
        runs.addColumn(r -> time.dateTime(r.startedAt())).setHeader("Started").setAutoWidth(true);
        runs.addColumn(ScheduleRun::scheduleName).setHeader("Schedule").setAutoWidth(true);
        runs.addColumn(r -> frameworkName(r.frameworkId()))
                .setHeader("Framework")
                .setAutoWidth(true);
        runs.addColumn(r -> EnumLabels.words(r.trigger())).setHeader("Trigger").setAutoWidth(true);
        runs.addComponentColumn(r -> switch (r.status()) {
                    case SUCCEEDED -> Badges.success("Succeeded");
                    case DELIVERY_FAILED -> Badges.warning("Stored, not emailed");
                    case FAILED -> Badges.error("Failed");
                    case RUNNING -> Badges.neutral("Running");
                })
                .setHeader("Status")
                .setAutoWidth(true);
        runs.addColumn(r -> r.packId() == null ? "" : "pack " + r.packId())
                .setHeader("Pack")
                .setAutoWidth(true);
        runs.addColumn(r -> (r.message() == null ? "" : r.message())
                        + (r.delivery() == null ? "" : (r.message() == null ? "" : " · ") + "email " + r.delivery()))
                .setHeader("Details")
                .setFlexGrow(2);
        runs.addThemeVariants(
                GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        runs.setHeight("16em");
        runs.setEmptyStateText("No scheduled run yet.");
        return runs;
    }

    private Component actions(ScheduleSummary schedule) {
        var edit = ChangeAction.mark(new Button("Edit", e -> open(schedule)));
        edit.setId("schedule-edit-" + schedule.id());
        var run = ChangeAction.mark(new Button("Run now", VaadinIcon.PLAY.create(), e -> runNow(schedule)));
        run.setId("schedule-run-" + schedule.id());
        var delete = ChangeAction.mark(new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete(schedule)));
        delete.setId("schedule-delete-" + schedule.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, run, delete);
    }

    private void open(@Nullable ScheduleSummary schedule) {
        new ScheduleDialog(
                        schedules,
                        schedule,
                        clusters.list(),
                        catalog.frameworks(),
                        time.zone().getId(),
                        this::refresh)
                .open();
    }

    private void runNow(ScheduleSummary schedule) {
        try {
            schedules.runNow(schedule.id());
            Notifications.info("Running \"" + schedule.name() + "\": its packs appear in the locker when done.");
            runData.refreshAll();
        } catch (UserFacingException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void confirmDelete(ScheduleSummary schedule) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Delete \"" + schedule.name() + "\"?");
        dialog.add(
                new Paragraph("It will not run again. Packs it stored stay in the locker until their retention ends."));
        var delete = new Button("Delete", e -> {
            try {
                schedules.delete(schedule.id());
                Notifications.success("Scheduled export \"" + schedule.name() + "\" deleted.");
                refresh();
            } catch (UserFacingException ex) {
                Notifications.error(ex.getMessage());
            }
            dialog.close();
        });
        delete.setId("schedule-delete-confirm");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), delete);
        dialog.open();
    }

    void refresh() {
        var names = new HashMap<Long, String>();
        clusters.list().forEach(c -> names.put(c.id(), c.name()));
        clusterNames = names;
        grid.setItems(schedules.list());
        runData.refreshAll();
    }

    private String clusterNames(ScheduleSummary schedule) {
        return schedule.definition().clusterIds().stream()
                .map(id -> clusterNames.getOrDefault(id, "cluster " + id + " (gone)"))
                .collect(Collectors.joining(", "));
    }

    private static Span muted(String text) {
        var span = new Span(text);
        span.addClassName("cp-formula");
        span.getStyle().set("display", "block");
        return span;
    }

    private String frameworkName(String id) {
        return catalog.framework(id).map(f -> f.name()).orElse(id);
    }
}
