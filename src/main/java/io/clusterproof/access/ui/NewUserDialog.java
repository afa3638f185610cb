package io.clusterproof.access.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.Notifications;

/** Keyboard-first: Enter saves, Escape cancels, the first field has focus. */
class NewUserDialog extends FormDialog {

    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Display name");
    private final ComboBox<Role> role = new ComboBox<>("Role");
    private final TextField team = new TextField("Team");
    private final PasswordField password = new PasswordField("Initial password");

    NewUserDialog(UserService users, Runnable onSaved) {
        setHeaderTitle("New user");
        username.setRequired(true);
        username.setHelperText("Lower-case letters, digits, . _ -");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> r.name() + " — " + r.description());
        role.setValue(Role.AUDITOR);
        role.setRequired(true);
        team.setHelperText("Engineers see their team's remediation items first");
        password.setRequired(true);
        password.setHelperText("At least 12 characters and hard to guess: a few uncommon words work well");
        var form = new FormLayout(username, displayName, role, team, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        var save = new Button("Create", e -> save(users, onSaved));
        save.setId("create-user");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), save);
        username.focus();
    }

    private void save(UserService users, Runnable onSaved) {
        try {
            var created = users.create(new NewUser(
                    username.getValue(),
                    displayName.getValue(),
                    password.getValue(),
                    role.getValue() == null ? Role.AUDITOR : role.getValue(),
                    team.getValue()));
            Notifications.success("User \"" + created.username() + "\" created.");
            onSaved.run();
            close();
        } catch (UserFacingException e) {
            Notifications.error(e.getMessage());
        }
    }
}
