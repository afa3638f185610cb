package io.clusterproof;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import io.clusterproof.access.Role;
import io.clusterproof.access.ui.ApiTokensView;
import io.clusterproof.access.ui.AuditLogView;
import io.clusterproof.access.ui.UsersView;
import io.clusterproof.assessment.ui.ControlView;
import io.clusterproof.assessment.ui.DashboardView;
import io.clusterproof.assessment.ui.FindingView;
import io.clusterproof.assessment.ui.FrameworkView;
import io.clusterproof.assessment.ui.ResourceView;
import io.clusterproof.drift.ui.DriftView;
import io.clusterproof.drift.ui.WebhooksView;
import io.clusterproof.evidence.ui.EvidenceView;
import io.clusterproof.remediation.ui.AttestationsView;
import io.clusterproof.remediation.ui.RemediationBoardView;
import io.clusterproof.remediation.ui.RemediationItemView;
import io.clusterproof.remediation.ui.WaiversView;
import io.clusterproof.snapshot.ui.ClustersView;
import io.clusterproof.snapshot.ui.ResourceBrowserView;
import io.clusterproof.snapshot.ui.SnapshotsView;
import io.clusterproof.support.KaribuTest;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The access matrix of DESIGN.md, view by view. Every registered route must appear here, so a new
 * view cannot ship without a decision about who may open it.
 */
class RoleAccessTest extends KaribuTest {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);

    static final Map<Class<? extends Component>, Set<Role>> WHO_MAY_OPEN = Map.ofEntries(
            Map.entry(DashboardView.class, ALL),
            Map.entry(FrameworkView.class, ALL),
            Map.entry(ControlView.class, ALL),
            Map.entry(FindingView.class, ALL),
            Map.entry(ResourceView.class, ALL),
            Map.entry(ClustersView.class, ALL),
            Map.entry(SnapshotsView.class, ALL),
            Map.entry(ResourceBrowserView.class, ALL),
            Map.entry(RemediationBoardView.class, ALL),
            Map.entry(RemediationItemView.class, ALL),
            Map.entry(WaiversView.class, ALL),
            Map.entry(AttestationsView.class, ALL),
            Map.entry(DriftView.class, ALL),
            Map.entry(WebhooksView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(AuditLogView.class, EnumSet.of(Role.ADMIN, Role.OFFICER, Role.AUDITOR)),
            Map.entry(UsersView.class, EnumSet.of(Role.ADMIN)),
            Map.entry(ApiTokensView.class, EnumSet.of(Role.ADMIN)),
            // evidence is the auditors' record; engineers see every finding in the posture views already
            Map.entry(EvidenceView.class, EnumSet.of(Role.ADMIN, Role.OFFICER, Role.AUDITOR)));

    @ParameterizedTest
    @EnumSource(Role.class)
    void each_role_opens_exactly_its_views(Role role) {
        signInAs(role);
        for (var route : securedRoutes()) {
            assertThat(WHO_MAY_OPEN)
                    .as("access decision for %s", route.getSimpleName())
                    .containsKey(route);
            var allowed = WHO_MAY_OPEN.get(route).contains(role);
            assertThat(canOpen(route))
                    .as("%s opens %s", role, route.getSimpleName())
                    .isEqualTo(allowed);
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void the_menu_lists_exactly_the_views_the_role_may_open(Role role) {
        signInAs(role);
        var expected = WHO_MAY_OPEN.entrySet().stream()
                .filter(e -> e.getValue().contains(role))
                .filter(e -> e.getKey().isAnnotationPresent(Menu.class))
                .map(e -> RouteConfiguration.forApplicationScope().getUrl(e.getKey()))
                .collect(Collectors.toSet());
        var listed = MenuConfiguration.getMenuEntries().stream()
                .map(MenuEntry::path)
                .map(p -> p.startsWith("/") ? p.substring(1) : p)
                .collect(Collectors.toSet());
        assertThat(listed).isEqualTo(expected);
    }

    private boolean canOpen(Class<? extends Component> route) {
        var path = RouteConfiguration.forApplicationScope()
                .getTemplate(route)
                .orElseThrow()
                .replaceAll(":[^/]+", "1");
        UI.getCurrent().navigate(path);
        MockVaadin.clientRoundtrip();
        var current = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        return !current.isEmpty() && route.isInstance(current.get(0));
    }

    @SuppressWarnings("unchecked")
    private static Set<Class<? extends Component>> securedRoutes() {
        return ROUTES.getRoutes().stream()
                .filter(c -> c.isAnnotationPresent(Route.class))
                .filter(c -> !c.isAnnotationPresent(AnonymousAllowed.class))
                .map(c -> (Class<? extends Component>) c)
                .collect(Collectors.toSet());
    }
}
