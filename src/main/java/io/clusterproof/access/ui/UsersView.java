package io.clusterproof.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.access.UserSummary;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.Badges;
import jakarta.annotation.security.RolesAllowed;

@Route("admin/users")
@PageTitle("Users")
@Menu(order = 90, icon = "vaadin:users", title = "Users")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends VerticalLayout {

    private final UserService users;
    private final TimeFormatter time;
    private final Grid<UserSummary> grid = new Grid<>(UserSummary.class, false);
    private final TextField search = new TextField();

    UsersView(UserService users, TimeFormatter time) {
        this.users = users;
        this.time = time;
        setSizeFull();
        add(createToolbar(), createGrid());
        refresh();
    }

    private Component createToolbar() {
        search.setPlaceholder("Search name, display name or team");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.setWidth("22em");
        var create =
                new Button("New user", VaadinIcon.PLUS.create(), e -> new NewUserDialog(users, this::refresh).open());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = new HorizontalLayout(search, create);
        toolbar.setWidthFull();
        toolbar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        return toolbar;
    }

    private Component createGrid() {
        grid.setId("users");
        grid.addColumn(UserSummary::username)
                .setHeader("Username")
                .setSortProperty("username")
                .setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setSortProperty("displayName");
        grid.addColumn(u -> u.role().name())
                .setHeader("Role")
                .setSortProperty("role")
                .setAutoWidth(true);
        grid.addColumn(u -> u.team() == null ? "" : u.team()).setHeader("Team").setAutoWidth(true);
        grid.addComponentColumn(u -> u.enabled() ? Badges.success("Enabled") : Badges.error("Disabled"))
                .setHeader("State")
                .setAutoWidth(true);
        grid.addColumn(UserSummary::roleSource).setHeader("Role from").setAutoWidth(true);
        grid.addColumn(u -> time.dateTime(u.roleChangedAt()))
                .setHeader("Role changed")
                .setAutoWidth(true);
        grid.addComponentColumn(u -> u.demo()
                        ? Badges.contrast("Demo")
                        : u.singleSignOn() ? Badges.neutral("Single sign-on") : Badges.none())
                .setHeader("")
                .setAutoWidth(true);
        grid.addColumn(u -> time.dateTime(u.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(u -> new Button("Edit", e -> new EditUserDialog(users, u, this::refresh).open()))
                .setHeader("")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        return grid;
    }

    private void refresh() {
        grid.setItems(
                query -> users.search(search.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
    }
}
