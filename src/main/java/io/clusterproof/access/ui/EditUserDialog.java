package io.clusterproof.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.access.UserSummary;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.Notifications;
import java.util.Objects;
import java.util.function.Supplier;

/** Change role and team, reset the password, disable or re-enable one user. */
class EditUserDialog extends FormDialog {

    private final UserService users;
    private final Runnable onSaved;

    EditUserDialog(UserService users, UserSummary user, Runnable onSaved) {
        this.users = users;
        this.onSaved = onSaved;
        setHeaderTitle("User " + user.username());
        setWidth("32em");

        var role = new ComboBox<Role>("Role");
        role.setItems(Role.values());
        role.setValue(user.role());
        var team = new TextField("Team");
        team.setValue(Objects.requireNonNullElse(user.team(), ""));
        var saveProfile = new Button(
                "Save role and team",
                e -> apply(() -> {
                    var changed = user;
                    if (role.getValue() != null && role.getValue() != user.role()) {
                        changed = users.changeRole(user.username(), role.getValue());
                    }
                    if (!team.getValue().equals(Objects.requireNonNullElse(user.team(), ""))) {
                        changed = users.changeTeam(user.username(), team.getValue());
                    }
                    return "Saved " + changed.username() + ".";
                }));
        saveProfile.setId("save-profile");
        saveProfile.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        var password = new PasswordField("New password");
        password.setHelperText("At least 12 characters and hard to guess: a few uncommon words work well");
        var reset = new Button(
                "Reset password",
                e -> apply(() -> {
                    users.resetPassword(user.username(), password.getValue());
                    return "Password of " + user.username() + " reset.";
                }));
        reset.setId("reset-password");

        var toggle = user.enabled()
                ? new Button(
                        "Disable user",
                        e -> apply(() -> {
                            users.disable(user.username());
                            return user.username() + " disabled: they can no longer sign in.";
                        }))
                : new Button(
                        "Enable user",
                        e -> apply(() -> {
                            users.enable(user.username());
                            return user.username() + " enabled.";
                        }));
        toggle.setId("toggle-enabled");
        toggle.addThemeVariants(user.enabled() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);

        var profile = new FormLayout(role, team);
        profile.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(profile, saveProfile, new Hr(), new HorizontalLayout(password, reset), new Hr(), toggle);
        getFooter().add(new Button("Close", e -> close()));
    }

    private void apply(Supplier<String> action) {
        try {
            Notifications.success(action.get());
            onSaved.run();
            close();
        } catch (UserFacingException e) {
            Notifications.error(e.getMessage());
        }
    }
}
