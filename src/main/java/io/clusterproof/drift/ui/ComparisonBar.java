package io.clusterproof.drift.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.drift.BaselineService;
import io.clusterproof.drift.BaselineSummary;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.SnapshotSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What to compare: the cluster, a baseline ("since baseline": the baseline's snapshot against the
 * latest), or any two snapshots; and, for officers and administrators, marking and removing
 * baselines. Every choice hands a new state to the view.
 */
class ComparisonBar extends HorizontalLayout {

    private final BaselineService baselines;
    private final TimeFormatter time;
    private final DriftState state;
    private final Consumer<DriftState> onChange;

    ComparisonBar(
            Comparison comparison,
            DriftState state,
            boolean marksBaselines,
            BaselineService baselines,
            TimeFormatter time,
            Consumer<DriftState> onChange) {
        this.baselines = baselines;
        this.time = time;
        this.state = state;
        this.onChange = onChange;
        setId("drift-toolbar");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        var cluster = new ComboBox<ClusterSummary>("Cluster");
        cluster.setId("drift-cluster");
        cluster.setItems(comparison.clusters());
        cluster.setItemLabelGenerator(ClusterSummary::name);
        cluster.setValue(comparison.cluster());
        cluster.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                onChange.accept(state.withCluster(e.getValue().id()));
            }
        });
        add(cluster);
        if (comparison.cluster() == null || comparison.snapshots().isEmpty()) {
            return;
        }
        addPickers(comparison);
        if (marksBaselines && comparison.to() != null) {
            addBaselineActions(comparison, comparison.to());
        }
    }

    private void addPickers(Comparison comparison) {
        var baseline = new ComboBox<BaselineSummary>("Since baseline");
        baseline.setId("drift-baseline");
        baseline.setItems(comparison.baselines());
        baseline.setItemLabelGenerator(b -> b.name() + " · " + time.date(b.snapshotTakenAt()));
        baseline.setClearButtonVisible(true);
        baseline.setPlaceholder(comparison.baselines().isEmpty() ? "No baseline marked" : "None");
        baseline.setValue(comparison.baseline());
        baseline.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.accept(state.withSnapshots(
                        e.getValue() == null ? null : e.getValue().id(), null, null));
            }
        });
        var options = new ArrayList<>(comparison.snapshots());
        for (var chosen : new SnapshotSummary[] {comparison.from(), comparison.to()}) {
            if (chosen != null && options.stream().noneMatch(s -> s.id() == chosen.id())) {
                options.add(chosen);
            }
        }
        var from = picker("drift-from", "From", options, comparison.from());
        var to = picker("drift-to", "To", options, comparison.to());
        from.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                onChange.accept(state.withSnapshots(null, e.getValue().id(), idOf(to.getValue())));
            }
        });
        to.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                onChange.accept(state.withSnapshots(
                        state.baselineId(), idOf(from.getValue()), e.getValue().id()));
            }
        });
        add(baseline, from, to);
    }

    private void addBaselineActions(Comparison comparison, SnapshotSummary to) {
        var mark = ChangeAction.mark(new Button("Mark as baseline…", VaadinIcon.FLAG.create(), e -> {
            var candidates = new ArrayList<SnapshotSummary>(List.of(to));
            if (comparison.from() != null && comparison.from().id() != to.id()) {
                candidates.add(comparison.from());
            }
            new BaselineDialog(
                            baselines,
                            candidates,
                            time,
                            marked -> onChange.accept(state.withSnapshots(marked.id(), null, null)))
                    .open();
        }));
        mark.setId("mark-baseline");
        add(mark);
        if (comparison.baseline() != null) {
            var selected = comparison.baseline();
            var remove = ChangeAction.mark(
                    new Button("Remove baseline", VaadinIcon.TRASH.create(), e -> confirmRemoval(selected)));
            remove.setId("remove-baseline");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            add(remove);
        }
    }

    private ComboBox<SnapshotSummary> picker(
            String id, String label, List<SnapshotSummary> options, @Nullable SnapshotSummary value) {
        var picker = new ComboBox<SnapshotSummary>(label);
        picker.setId(id);
        picker.setWidth("22em");
        picker.setItems(options);
        picker.setItemLabelGenerator(s -> time.dateTime(s.takenAt()) + " · #" + s.id() + " · +" + s.added() + " ~"
                + s.changed() + " −" + s.removed() + (s.status().name().equals("PARTIAL") ? " · partial" : ""));
        picker.setValue(value);
        return picker;
    }

    private void confirmRemoval(BaselineSummary baseline) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Remove baseline \u201c" + baseline.name() + "\u201d?");
        dialog.add(new Paragraph("The snapshot stays; only its name as a baseline goes. The removal is audited."));
        var remove = ChangeAction.mark(new Button("Remove", e -> {
            try {
                baselines.remove(baseline.id());
                Notifications.success("Baseline \u201c" + baseline.name() + "\u201d removed.");
                dialog.close();
                onChange.accept(state.withSnapshots(null, null, null));
            } catch (UserFacingException ex) {
                Notifications.error(ex.getMessage());
            }
        }));
        remove.setId("confirm-remove-baseline");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), remove);
        dialog.open();
    }

    private static @Nullable Long idOf(@Nullable SnapshotSummary snapshot) {
        return snapshot == null ? null : snapshot.id();
    }
}
