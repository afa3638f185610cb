package io.clusterproof.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import io.clusterproof.access.ApiTokenService;
import io.clusterproof.access.ApiTokenSummary;
import io.clusterproof.access.IssuedApiToken;
import io.clusterproof.access.Role;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;

@Route("admin/tokens")
@PageTitle("API tokens")
@Menu(order = 91, icon = "vaadin:key", title = "API tokens")
@RolesAllowed(Role.ADMIN_NAME)
public class ApiTokensView extends VerticalLayout {

    private final ApiTokenService tokens;
    private final TimeFormatter time;
    private final Grid<ApiTokenSummary> grid = new Grid<>(ApiTokenSummary.class, false);

    ApiTokensView(ApiTokenService tokens, TimeFormatter time) {
        this.tokens = tokens;
        this.time = time;
        setSizeFull();
        var intro = new Paragraph("Tokens let pipelines and other tools call the REST API under /api/v1 with "
                + "\"Authorization: Bearer <token>\". A token acts with one role, expires, and can be revoked.");
        var create = new Button("New token", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.setId("new-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(intro, create, createGrid());
        refresh();
    }

    private Component createGrid() {
        grid.setId("tokens");
        grid.addColumn(ApiTokenSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Starts with").setAutoWidth(true);
        grid.addColumn(t -> t.role().name()).setHeader("Role").setAutoWidth(true);
        grid.addColumn(t -> t.team() == null ? "" : t.team()).setHeader("Team").setAutoWidth(true);
        grid.addComponentColumn(t -> switch (t.state()) {
                    case "ACTIVE" -> Badges.success("Active");
                    case "EXPIRED" -> Badges.warning("Expired");
                    default -> Badges.error("Revoked");
                })
                .setHeader("State")
                .setAutoWidth(true);
        grid.addColumn(t -> time.dateTime(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(t -> time.dateTime(t.lastUsedAt()))
                .setHeader("Last used")
                .setAutoWidth(true);
        grid.addColumn(ApiTokenSummary::createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            var revoke = new Button("Revoke", e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setEnabled("ACTIVE".equals(t.state()));
            return revoke;
        });
        grid.setSizeFull();
        grid.setEmptyStateText("No API tokens yet.");
        return grid;
    }

    private void openCreateDialog() {
        var dialog = new FormDialog();
        dialog.setHeaderTitle("New API token");
        var name = new TextField("Name");
        name.setHelperText("Say what uses it, e.g. \"weekly evidence cron\"");
        var role = new ComboBox<Role>("Role");
        role.setItems(Role.values());
        role.setValue(Role.AUDITOR);
        var team = new TextField("Team");
        team.setHelperText("For an engineer's token: the team whose remediation items it works");
        team.setId("token-team");
        var days = new IntegerField("Expires after (days)");
        days.setMin(1);
        days.setMax(366);
        days.setValue(90);
        var form = new FormLayout(name, role, team, days);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        var save = new Button("Create", e -> {
            try {
                var issued = tokens.create(
                        name.getValue(),
                        role.getValue() == null ? Role.AUDITOR : role.getValue(),
                        team.getValue(),
                        Duration.ofDays(days.getValue() == null ? 90 : days.getValue()),
                        null);
                dialog.close();
                showOnce(issued);
                refresh();
            } catch (UserFacingException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    private void showOnce(IssuedApiToken issued) {
        var dialog = new FormDialog();
        dialog.setHeaderTitle("Token \"" + issued.summary().name() + "\" created");
        var value = new TextArea("Copy it now: it is not stored and will not be shown again");
        value.setValue(issued.token());
        value.setReadOnly(true);
        value.setWidthFull();
        value.setId("issued-token");
        dialog.add(value);
        dialog.setWidth("36em");
        dialog.getFooter().add(new Button("Done", e -> dialog.close()));
        dialog.open();
    }

    private void confirmRevoke(ApiTokenSummary token) {
        var confirm = new ConfirmDialog(
                "Revoke \"" + token.name() + "\"?",
                "Calls with this token fail from now on. This cannot be undone.",
                "Revoke",
                e -> {
                    tokens.revoke(token.name());
                    Notifications.success("Token \"" + token.name() + "\" revoked.");
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void refresh() {
        grid.setItems(q -> tokens.list(VaadinSpringDataHelpers.toSpringPageRequest(q)).stream());
    }
}
