package io.clusterproof.remediation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.clusterproof.support.UiTree.all;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.remediation.ItemFilter;
import io.clusterproof.remediation.ItemHistoryEntry;
import io.clusterproof.remediation.ItemStatus;
import io.clusterproof.remediation.ItemSummary;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.remediation.WaiverRequest;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.remediation.WaiverStatus;
import io.clusterproof.remediation.WaiverSummary;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.KaribuTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** The remediation board, an item's page, waivers and attestations, server-side, per role. */
class RemediationViewsTest extends KaribuTest {

    static final Path DEMO = Path.of("src/main/resources/demo/cluster");

    private static ClusterSummary cluster;

    @Autowired
    UserService users;

    @Autowired
    TestClusters clusters;

    @Autowired
    RemediationService remediation;

    @Autowired
    WaiverService waivers;

    @BeforeEach
    void collectTheDemoOnce() {
        if (cluster == null) {
            cluster = clusters.manifests("remediation-ui", DEMO);
            clusters.latestAssessment(clusters.collect(cluster).snapshotId());
            await().atMost(Duration.ofSeconds(30)).until(() -> !openItems().isEmpty());
        }
    }

    @Test
    void the_board_lists_the_open_items_of_the_chosen_cluster() {
        signInAs(Role.AUDITOR);
        navigate("remediation", Map.of("cluster", cluster.id()));

        var grid = items();
        assertThat(GridKt._size(grid)).isEqualTo(openItems().size()).isPositive();
        for (int i = 0; i < GridKt._size(grid); i++) {
            assertThat(GridKt._get(grid, i).clusterId()).isEqualTo(cluster.id());
        }
        assertThat(_get(Grid.class, spec -> spec.withId("team-figures"))).isNotNull();
    }

    @Test
    void the_text_filter_narrows_the_board_and_lives_in_the_url() {
        signInAs(Role.AUDITOR);
        var first = openItems().get(0);
        navigate(
                "remediation",
                Map.of("cluster", cluster.id(), "q", first.resource().name()));

        var grid = items();
        assertThat(GridKt._size(grid))
                .isPositive()
                .isLessThanOrEqualTo(openItems().size());
        for (int i = 0; i < GridKt._size(grid); i++) {
            var item = GridKt._get(grid, i);
            assertThat(item.title() + " " + item.resource().display() + " " + item.checkId())
                    .containsIgnoringCase(first.resource().name());
        }
    }

    @Test
    void an_auditor_reads_every_remediation_page_without_a_single_change_action() {
        signInAs(Role.AUDITOR);
        var item = openItems().get(0);
        record Page(String path, Map<String, Object> query) {}
        for (var page : List.of(
                new Page("remediation", Map.of("cluster", cluster.id())),
                new Page("remediation/" + item.id(), Map.of()),
                new Page("waivers", Map.of("report", "ALL")),
                new Page("attestations", Map.of()))) {
            navigate(page.path(), page.query());
            assertThat(all(UI.getCurrent())
                            .filter(c -> c.getElement().hasAttribute(ChangeAction.ATTRIBUTE))
                            .toList())
                    .as(page.path())
                    .isEmpty();
        }
        @SuppressWarnings("unchecked")
        Grid<Object> controls = _get(Grid.class, spec -> spec.withId("attestation-controls"));
        assertThat(GridKt._size(controls)).isEqualTo(manualControls()).isPositive();
    }

    @Test
    void an_engineer_starts_work_from_the_item_page_and_the_history_shows_it() {
        var item = openItems().stream()
                .filter(i -> i.status() == ItemStatus.OPEN)
                .filter(i -> i.team() != null)
                .findFirst()
                .orElseThrow();
        if (users.find("edith").isEmpty()) {
            AsAdmin.admin(() -> users.create(
                    new NewUser("edith", "Edith", "Tangerine-Harbour-Ledger-83", Role.ENGINEER, item.team())));
        }
        signInAs("edith", Role.ENGINEER);
        UI.getCurrent().navigate("remediation/" + item.id());
        MockVaadin.clientRoundtrip();

        ButtonKt._click(_get(Button.class, spec -> spec.withId("start-work")));

        assertThat(remediation.get(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.IN_PROGRESS);
        @SuppressWarnings("unchecked")
        Grid<ItemHistoryEntry> history = _get(Grid.class, spec -> spec.withId("item-history"));
        assertThat(GridKt._size(history)).isEqualTo(2);
        assertThat(GridKt._get(history, 1).actor()).isEqualTo("edith");
        assertThat(GridKt._get(history, 1).toStatus()).isEqualTo(ItemStatus.IN_PROGRESS);
    }

    @Test
    void an_officer_approves_a_waiver_from_the_list_but_not_their_own() {
        var expires = Clock.systemUTC().instant().plus(Duration.ofDays(20));
        var other = AsAdmin.as("ellis", "ENGINEER", () -> waivers.request(request("ellis-api*", expires)));
        var own = AsAdmin.as("olga", "ENGINEER", () -> waivers.request(request("olga-api*", expires)));
        signInAs("olga", Role.OFFICER);
        UI.getCurrent().navigate("waivers");
        MockVaadin.clientRoundtrip();

        @SuppressWarnings("unchecked")
        Grid<WaiverSummary> grid = _get(Grid.class, spec -> spec.withId("waivers"));
        assertThat(GridKt._getFormatted(grid, 0, "scope"))
                .as("clusters are named, not numbered")
                .contains(" on " + cluster.name() + ", namespace payments");
        assertThat(approveButton(own.id()).isEnabled()).isFalse();
        ButtonKt._click(approveButton(other.id()));

        assertThat(waivers.get(other.id()).orElseThrow().status()).isEqualTo(WaiverStatus.APPROVED);
        assertThat(waivers.get(own.id()).orElseThrow().status()).isEqualTo(WaiverStatus.REQUESTED);
        assertThat(all(UI.getCurrent()).filter(c -> c.getId().equals(Optional.of("approve-" + other.id()))))
                .as("the decided waiver leaves the list of requests")
                .isEmpty();
    }

    private static Button approveButton(long waiverId) {
        @SuppressWarnings("unchecked")
        Grid<WaiverSummary> grid = _get(Grid.class, spec -> spec.withId("waivers"));
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).id() == waiverId) {
                return _get(
                        GridKt._getCellComponent(grid, i, "actions"),
                        Button.class,
                        spec -> spec.withId("approve-" + waiverId));
            }
        }
        throw new AssertionError("waiver #" + waiverId + " is not listed");
    }

    private long manualControls() {
        return context.getBean(Catalog.class).frameworks().stream()
                .flatMap(f -> f.controls().stream())
                .filter(c -> !c.automated())
                .count();
    }

    private WaiverRequest request(String name, java.time.Instant expires) {
        return new WaiverRequest(
                "privileged-container",
                cluster.id(),
                "payments",
                "Deployment",
                name,
                "The vendor agent needs this until its next release ships.",
                "https://tickets.example/RISK-9",
                expires);
    }

    private List<ItemSummary> openItems() {
        return AsAdmin.admin(() -> remediation
                .page(
                        new ItemFilter(
                                cluster.id(),
                                null,
                                java.util.EnumSet.of(
                                        ItemStatus.OPEN,
                                        ItemStatus.IN_PROGRESS,
                                        ItemStatus.PENDING_VERIFICATION,
                                        ItemStatus.REOPENED),
                                null,
                                false,
                                null),
                        Pageable.ofSize(1000))
                .getContent());
    }

    @SuppressWarnings("unchecked")
    private static Grid<ItemSummary> items() {
        return _get(Grid.class, spec -> spec.withId("items"));
    }

    private static void navigate(String path, Map<String, Object> query) {
        var parameters = new java.util.HashMap<String, String>();
        query.forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        UI.getCurrent().navigate(path, QueryParameters.simple(parameters));
        MockVaadin.clientRoundtrip();
    }
}
