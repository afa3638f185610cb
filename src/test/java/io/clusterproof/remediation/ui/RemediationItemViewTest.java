package io.clusterproof.remediation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.remediation.ItemFilter;
import io.clusterproof.remediation.ItemStatus;
import io.clusterproof.remediation.ItemSummary;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.KaribuTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** An item's page offers only the actions its state allows, and tells its history in words. */
class RemediationItemViewTest extends KaribuTest {

    private static ClusterSummary cluster;

    @Autowired
    TestClusters clusters;

    @Autowired
    RemediationService remediation;

    @Autowired
    UserService users;

    @BeforeEach
    void collectTheDemoOnce() {
        if (cluster == null) {
            cluster = clusters.manifests("item-actions", Path.of("src/main/resources/demo/cluster"));
            clusters.latestAssessment(clusters.collect(cluster).snapshotId());
            await().atMost(Duration.ofSeconds(30)).until(() -> openItems().size() >= 3);
        }
        // an engineer of the items' team: engineers act on their own team's items only
        if (users.find("item-view-pia").isEmpty()) {
            AsAdmin.admin(() -> users.create(
                    new NewUser("item-view-pia", "Pia", "Tangerine-Harbour-Ledger-83", Role.ENGINEER, "payments")));
        }
        signInAs("item-view-pia", Role.ENGINEER);
    }

    @Test
    void an_open_item_offers_start_work_and_mark_fixed() {
        show(openItems().get(0).id());

        assertThat(buttons()).contains("start-work", "mark-fixed", "assign", "request-waiver");
    }

    @Test
    void an_item_in_progress_no_longer_offers_start_work() {
        var item = openItems().get(1).id();
        AsAdmin.admin(() -> remediation.start(item));

        show(item);

        assertThat(buttons()).contains("mark-fixed").doesNotContain("start-work");
        assertThat(history()).contains("Status: Open → In progress");
    }

    @Test
    void an_item_claimed_fixed_offers_neither_start_work_nor_mark_fixed() {
        var item = openItems().get(2).id();
        AsAdmin.admin(() -> remediation.markFixed(item, "rolled out"));

        show(item);

        assertThat(buttons()).doesNotContain("start-work", "mark-fixed");
        assertThat(history())
                .contains("Status: Open → Pending verification")
                .noneMatch(t -> t.contains("PENDING_VERIFICATION") || t.startsWith("STATUS"));
    }

    private static void show(long item) {
        UI.getCurrent().navigate("remediation/" + item);
        MockVaadin.clientRoundtrip();
    }

    private static List<String> buttons() {
        return _find(Button.class).stream().map(b -> b.getId().orElse("")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> history() {
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("item-history"));
        var what = new ArrayList<String>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            what.addAll(GridKt._getFormattedRow(grid, i));
        }
        return what;
    }

    private List<ItemSummary> openItems() {
        return AsAdmin.admin(() -> remediation
                .page(
                        new ItemFilter(cluster.id(), "payments", EnumSet.of(ItemStatus.OPEN), null, false, null),
                        Pageable.ofSize(10))
                .getContent());
    }
}
