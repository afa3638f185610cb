package io.clusterproof.snapshot.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.snapshot.ClusterDefinition;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.SourceType;
import org.jspecify.annotations.Nullable;

/** Register or edit a cluster: its source, schedule and labels. Enter saves, Escape cancels. */
class ClusterDialog extends FormDialog {

    private final TextField name = new TextField("Name");
    private final TextField description = new TextField("Description");
    private final TextField environment = new TextField("Environment");
    private final TextField owner = new TextField("Owner");
    private final TextArea labels = new TextArea("Labels");
    private final ComboBox<SourceType> source = new ComboBox<>("Source");
    private final TextField kubeconfig = new TextField("Kubeconfig file");
    private final TextField context = new TextField("Context");
    private final TextField manifests = new TextField("Manifest file or directory");
    private final TextField schedule = new TextField("Schedule (cron)");
    private final Checkbox enabled = new Checkbox("Collect on schedule");

    ClusterDialog(
            ClusterService clusters, @Nullable ClusterSummary existing, String defaultSchedule, Runnable onSaved) {
        setHeaderTitle(existing == null ? "Register a cluster" : "Edit " + existing.name());
        setWidth("40em");
        name.setRequired(true);
        name.setHelperText("Lower-case letters, digits, dots and dashes");
        labels.setHelperText("key=value, one per line (e.g. region=eu-west-1)");
        source.setItems(SourceType.values());
        source.setItemLabelGenerator(SourceType::label);
        source.addValueChangeListener(e -> showSourceFields());
        kubeconfig.setHelperText("Path on the ClusterProof server, readable by it");
        context.setHelperText("Empty: the file's current context");
        manifests.setHelperText("YAML/JSON files; directories are read recursively");
        schedule.setHelperText("Seconds first, e.g. \"0 0 2 * * *\" = 02:00 daily in the configured time zone");
        if (existing == null) {
            source.setValue(SourceType.KUBECONFIG);
            schedule.setValue(defaultSchedule);
            enabled.setValue(true);
        } else {
            var d = existing.definition();
            name.setValue(d.name());
            description.setValue(orEmpty(d.description()));
            environment.setValue(orEmpty(d.environment()));
            owner.setValue(orEmpty(d.owner()));
            labels.setValue(orEmpty(d.labels()));
            source.setValue(d.sourceType());
            kubeconfig.setValue(orEmpty(d.kubeconfigPath()));
            context.setValue(orEmpty(d.kubeContext()));
            manifests.setValue(orEmpty(d.manifestPath()));
            schedule.setValue(d.scheduleCron());
            enabled.setValue(d.enabled());
        }
        showSourceFields();
        var form = new FormLayout(
                name,
                description,
                environment,
                owner,
                source,
                kubeconfig,
                context,
                manifests,
                schedule,
                enabled,
                labels);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(labels, 2);
        add(form);
        var save = ChangeAction.mark(
                new Button(existing == null ? "Register" : "Save", e -> save(clusters, existing, onSaved)));
        save.setId("save-cluster");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        save.setTooltipText("Ctrl+Enter");
        getFooter().add(new Button("Cancel", e -> close()), save);
        name.focus();
    }

    private void showSourceFields() {
        var type = source.getValue();
        kubeconfig.setVisible(type == SourceType.KUBECONFIG);
        context.setVisible(type == SourceType.KUBECONFIG);
        manifests.setVisible(type == SourceType.MANIFESTS);
        schedule.setEnabled(type != SourceType.UPLOAD);
        enabled.setEnabled(type != SourceType.UPLOAD);
    }

    private void save(ClusterService clusters, @Nullable ClusterSummary existing, Runnable onSaved) {
        var type = source.getValue() == null ? SourceType.KUBECONFIG : source.getValue();
        var definition = new ClusterDefinition(
                name.getValue().trim(),
                blank(description.getValue()),
                blank(environment.getValue()),
                blank(owner.getValue()),
                blank(labels.getValue()),
                type,
                type == SourceType.KUBECONFIG ? blank(kubeconfig.getValue()) : null,
                type == SourceType.KUBECONFIG ? blank(context.getValue()) : null,
                type == SourceType.MANIFESTS ? blank(manifests.getValue()) : null,
                schedule.getValue().trim(),
                type != SourceType.UPLOAD && enabled.getValue());
        try {
            var saved = existing == null ? clusters.register(definition) : clusters.update(existing.id(), definition);
            Notifications.success((existing == null ? "Registered " : "Saved ") + saved.name() + ".");
            onSaved.run();
            close();
        } catch (UserFacingException e) {
            Notifications.error(e.getMessage());
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
