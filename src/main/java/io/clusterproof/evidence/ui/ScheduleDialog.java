package io.clusterproof.evidence.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.evidence.EvidenceSchedules;
import io.clusterproof.evidence.ScheduleDefinition;
import io.clusterproof.evidence.ScheduleSummary;
import io.clusterproof.snapshot.ClusterSummary;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Create or change a scheduled export. Keyboard-first: the name has focus, Enter saves, Escape cancels. */
class ScheduleDialog extends FormDialog {

    private final TextField name = new TextField("Name");
    private final MultiSelectComboBox<ClusterSummary> clusters = new MultiSelectComboBox<>("Clusters");
    private final MultiSelectComboBox<FrameworkDefinition> frameworks = new MultiSelectComboBox<>("Frameworks");
    private final TextField cron = new TextField("Schedule (cron)");
    private final IntegerField periodDays = new IntegerField("Days each pack covers");
    private final IntegerField retentionDays = new IntegerField("Keep packs for (days)");
    private final TextField recipients = new TextField("Email to");
    private final Checkbox enabled = new Checkbox("Enabled");

    ScheduleDialog(
            EvidenceSchedules schedules,
            @Nullable ScheduleSummary existing,
            List<ClusterSummary> allClusters,
            Collection<FrameworkDefinition> allFrameworks,
            String zone,
            Runnable onSaved) {
        setHeaderTitle(existing == null ? "New scheduled export" : "Change \"" + existing.name() + "\"");
        var definition = existing == null ? schedules.defaults() : existing.definition();
        name.setId("schedule-name");
        name.setRequired(true);
        name.setValue(definition.name());
        clusters.setId("schedule-clusters");
        ClusterChoice.configure(clusters, allClusters);
        clusters.setValue(new HashSet<>(allClusters.stream()
                .filter(c -> definition.clusterIds().contains(c.id()))
                .toList()));
        frameworks.setId("schedule-frameworks");
        frameworks.setItems(allFrameworks);
        frameworks.setItemLabelGenerator(FrameworkDefinition::name);
        frameworks.setValue(new HashSet<>(allFrameworks.stream()
                .filter(f -> definition.frameworkIds().contains(f.id()))
                .toList()));
        frameworks.setHelperText("One pack per framework and run");
        cron.setId("schedule-cron");
        cron.setValue(definition.cron());
        cron.setHelperText("Six fields, seconds first, in " + zone + "; 0 0 6 * * MON is Mondays at 06:00");
        periodDays.setId("schedule-period");
        periodDays.setValue(definition.periodDays());
        periodDays.setMin(1);
        periodDays.setMax(366);
        periodDays.setStepButtonsVisible(true);
        retentionDays.setId("schedule-retention");
        retentionDays.setValue(definition.retentionDays());
        retentionDays.setMin(1);
        retentionDays.setMax(3650);
        recipients.setId("schedule-recipients");
        recipients.setValue(String.join(", ", definition.recipients()));
        recipients.setHelperText("Comma-separated; leave empty to keep packs in the locker only");
        enabled.setId("schedule-enabled");
        enabled.setValue(definition.enabled());
        var form = new FormLayout(name, clusters, frameworks, cron, periodDays, retentionDays, recipients, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        add(form);
        var save = new Button(existing == null ? "Create" : "Save", e -> save(schedules, existing, onSaved));
        save.setId("schedule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("44em");
        name.focus();
    }

    private void save(EvidenceSchedules schedules, @Nullable ScheduleSummary existing, Runnable onSaved) {
        try {
            var definition = new ScheduleDefinition(
                    name.getValue(),
                    clusters.getValue().stream()
                            .map(ClusterSummary::id)
                            .sorted()
                            .toList(),
                    frameworks.getValue().stream()
                            .map(FrameworkDefinition::id)
                            .sorted()
                            .toList(),
                    cron.getValue(),
                    periodDays.getValue() == null ? 0 : periodDays.getValue(),
                    retentionDays.getValue() == null ? 0 : retentionDays.getValue(),
                    Arrays.stream(recipients.getValue().split(","))
                            .map(String::trim)
                            .filter(r -> !r.isEmpty())
                            .toList(),
                    enabled.getValue());
            var saved = existing == null ? schedules.create(definition) : schedules.update(existing.id(), definition);
            Notifications.success("Scheduled export \"" + saved.name() + "\" saved.");
            onSaved.run();
            close();
        } catch (UserFacingException e) {
            Notifications.error(e.getMessage());
        }
    }
}
