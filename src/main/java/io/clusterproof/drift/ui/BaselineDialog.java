package io.clusterproof.drift.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.drift.BaselineService;
import io.clusterproof.drift.BaselineSummary;
import io.clusterproof.snapshot.SnapshotSummary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/** Names a snapshot as an audit baseline: the later of the two compared by default, or the earlier one. */
class BaselineDialog extends FormDialog {

    BaselineDialog(
            BaselineService baselines,
            List<SnapshotSummary> candidates,
            TimeFormatter time,
            Consumer<BaselineSummary> onMarked) {
        setHeaderTitle("Mark a snapshot as audit baseline");
        setWidth("36em");
        var snapshot = new RadioButtonGroup<SnapshotSummary>("Snapshot");
        snapshot.setId("baseline-snapshot");
        snapshot.setItems(new LinkedHashSet<>(candidates));
        snapshot.setItemLabelGenerator(
                s -> time.dateTime(s.takenAt()) + " (#" + s.id() + ", " + s.objects() + " objects)");
        snapshot.setValue(candidates.get(0));
        var name = new TextField("Name");
        name.setId("baseline-name");
        name.setRequired(true);
        name.setMaxLength(100);
        name.setPlaceholder("PCI audit Q3 2026");
        name.setHelperText("Unique for this cluster; what \"since baseline\" will be called.");
        var note = new TextArea("Note");
        note.setId("baseline-note");
        note.setMaxLength(1000);
        note.setHelperText("Optional: the audit, its scope, the ticket.");
        var form = new FormLayout(snapshot, name, note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        var save = ChangeAction.mark(new Button("Mark as baseline", e -> {
            try {
                var marked = baselines.mark(snapshot.getValue().id(), name.getValue(), note.getValue());
                Notifications.success("Baseline \u201c" + marked.name() + "\u201d marked.");
                close();
                onMarked.accept(marked);
            } catch (UserFacingException ex) {
                Notifications.error(ex.getMessage());
            }
        }));
        save.setId("save-baseline");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
