package io.clusterproof.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import io.clusterproof.access.Role;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.KaribuTest;
import io.clusterproof.support.UiTree;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Evidence for" names only the frameworks whose scope holds the resource. */
class FindingEvidenceForTest extends KaribuTest {

    @Autowired
    TestClusters clusters;

    @Autowired
    AssessmentQueries assessments;

    @Test
    void a_finding_outside_the_cardholder_data_environment_is_no_evidence_for_pci() {
        var cluster = clusters.manifests("evidence-for", Path.of("src/main/resources/demo/cluster"));
        var assessment = clusters.latestAssessment(clusters.collect(cluster).snapshotId());
        var outside = assessments
                .findings(assessment, FindingFilter.all().withStatuses(EnumSet.of(FindingStatus.FAIL)), 0, 5000)
                .stream()
                .filter(f -> !f.frameworks().contains("pci-dss-4.0")
                        && !f.frameworks().isEmpty())
                .filter(f -> context.getBean(io.clusterproof.catalog.Catalog.class)
                        .controlsOf(f.checkId())
                        .containsKey("pci-dss-4.0"))
                .findFirst()
                .orElseThrow();
        signInAs(Role.AUDITOR);
        var query = new HashMap<String, String>();
        query.put("cluster", String.valueOf(cluster.id()));
        query.put("check", outside.checkId());
        query.put("rgroup", outside.resource().group());
        query.put("rkind", outside.resource().kind());
        query.put("rns", String.valueOf(outside.resource().namespace()));
        query.put("rname", outside.resource().name());

        UI.getCurrent().navigate("finding", QueryParameters.simple(query));
        MockVaadin.clientRoundtrip();

        assertThat(UiTree.text(_get(Div.class, spec -> spec.withId("finding-facts"))))
                .contains("Evidence for")
                .doesNotContain("PCI DSS");
    }
}
