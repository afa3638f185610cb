package io.clusterproof.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.clusterproof.base.EnumLabels;
import jakarta.annotation.security.PermitAll;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The shell around every signed-in view. The menu comes from the {@code @Menu} annotations and is
 * filtered by Vaadin's access control, so it lists only the views the user may open.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private String lastPath = "";

    private final transient AuthenticationContext authentication;
    private final H1 viewTitle = new H1();

    MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addToDrawer(createBrand(), new Scroller(createSideNav()), createUserPanel());
        addToNavbar(new DrawerToggle(), createTitle());
    }

    private Component createBrand() {
        var logo = new Icon(VaadinIcon.SHIELD);
        logo.addClassNames(LumoUtility.TextColor.PRIMARY);
        var name = new Span("ClusterProof");
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE);
        var brand = new HorizontalLayout(logo, name);
        brand.setAlignItems(FlexComponent.Alignment.CENTER);
        brand.addClassNames(LumoUtility.Padding.MEDIUM);
        return brand;
    }

    private SideNav createSideNav() {
        var nav = new SideNav();
        nav.setId("main-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(createItem(entry)));
        return nav;
    }

    private static SideNavItem createItem(MenuEntry entry) {
        var item = new SideNavItem(entry.title(), entry.path());
        item.setMatchNested(true);
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }

    private Component createUserPanel() {
        var panel = new VerticalLayout();
        panel.setId("user-panel");
        panel.setPadding(true);
        panel.setSpacing(false);
        panel.addClassNames(LumoUtility.Border.TOP, LumoUtility.BorderColor.CONTRAST_10);
        authentication.getAuthenticatedUser(UserDetails.class).ifPresent(user -> {
            var name = new Span(user.getUsername());
            name.setId("current-user");
            name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            var roles = new Span(roleNames(user.getAuthorities()));
            roles.setId("current-role");
            roles.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            panel.add(name, roles);
        });
        var signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        panel.add(signOut);
        return panel;
    }

    private static String roleNames(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> EnumLabels.words(a.substring(5)))
                .collect(Collectors.joining(", "));
    }

    private Component createTitle() {
        viewTitle.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        return new Div(viewTitle);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
        var path = event.getLocation().getPath();
        // every page opened starts at its top, the one already open too; only going back through the
        // filter states of the same page (browser history) keeps the scroll where it was
        var backWithinPage =
                event.getLocationChangeEvent().getTrigger() == NavigationTrigger.HISTORY && path.equals(lastPath);
        lastPath = path;
        if (!backWithinPage) {
            getElement()
                    .executeJs("window.scrollTo(0, 0);"
                            + "const content = this.shadowRoot && this.shadowRoot.querySelector('[content]');"
                            + "if (content) { content.scrollTop = 0; }");
        }
    }
}
