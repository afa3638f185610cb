package io.clusterproof.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import io.clusterproof.access.Role;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.StoredFinding;
import io.clusterproof.snapshot.ResourceRow;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.KaribuTest;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Everything reached from an older snapshot's page is as of that snapshot, not the latest one. */
class AsOfSnapshotTest extends KaribuTest {

    @Autowired
    TestClusters clusters;

    @Autowired
    AssessmentQueries assessments;

    @Test
    void findings_of_a_resource_opened_from_an_old_snapshot_are_those_of_that_snapshot() {
        var cluster = clusters.manifests("as-of", Path.of("src/main/resources/demo/cluster"));
        var old = clusters.collect(cluster).snapshotId();
        var oldAssessment = clusters.latestAssessment(old);
        var latestAssessment =
                clusters.latestAssessment(clusters.collect(cluster).snapshotId());
        assertThat(latestAssessment).isNotEqualTo(oldAssessment);
        signInAs(Role.AUDITOR);

        UI.getCurrent()
                .navigate("snapshots/" + old, QueryParameters.simple(java.util.Map.of("name", "payment-gateway")));
        MockVaadin.clientRoundtrip();
        @SuppressWarnings("unchecked")
        Grid<ResourceRow> resources = _get(Grid.class, spec -> spec.withId("resources"));
        var index = 0;
        while (!GridKt._get(resources, index).key().kind().equals("Deployment")) {
            index++;
        }
        var row = GridKt._get(resources, index);
        GridKt._clickItem(resources, index);
        var link = _get(Anchor.class, spec -> spec.withText("Findings of this resource"));
        assertThat(link.getHref()).contains("cluster=" + cluster.id()).contains("snapshot=" + old);

        var href = link.getHref();
        UI.getCurrent()
                .navigate(
                        href.substring(0, href.indexOf('?')),
                        QueryParameters.fromString(href.substring(href.indexOf('?') + 1)));
        MockVaadin.clientRoundtrip();

        assertThat(_find(Dialog.class)).noneMatch(Dialog::isOpened);
        @SuppressWarnings("unchecked")
        Grid<StoredFinding> findings = _get(Grid.class, spec -> spec.withId("resource-findings"));
        var shown = new ArrayList<Long>();
        for (int i = 0; i < GridKt._size(findings); i++) {
            shown.add(GridKt._get(findings, i).id());
        }
        assertThat(shown)
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(assessments.findingsOf(oldAssessment, row.key()).stream()
                        .map(StoredFinding::id)
                        .toList());
    }
}
