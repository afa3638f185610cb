package io.clusterproof.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import io.clusterproof.snapshot.ResourceKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostureLinksTest {

    private static final ResourceKey ROLE = new ResourceKey("rbac.authorization.k8s.io", "ClusterRole", "", "a b&c=d");

    @Test
    void a_finding_link_names_cluster_assessment_check_and_resource_and_survives_odd_characters() {
        var link = PostureLinks.finding(7, 42L, "wildcard-rbac", ROLE);

        assertThat(link).startsWith("finding?").doesNotContain(" ");
        assertThat(parameters(link))
                .containsOnly(
                        Map.entry("cluster", List.of("7")),
                        Map.entry("assessment", List.of("42")),
                        Map.entry("check", List.of("wildcard-rbac")),
                        Map.entry("rgroup", List.of("rbac.authorization.k8s.io")),
                        Map.entry("rkind", List.of("ClusterRole")),
                        Map.entry("rname", List.of("a b&c=d")));
    }

    @Test
    void without_an_assessment_the_link_leads_to_the_latest_and_a_snapshot_link_names_the_snapshot() {
        var deployment = new ResourceKey("apps", "Deployment", "shop", "api");

        assertThat(parameters(PostureLinks.resource(3, null, deployment))).doesNotContainKey("assessment");
        assertThat(PostureLinks.resourceInSnapshot(3, 9, deployment))
                .isEqualTo("resource?cluster=3&snapshot=9&rgroup=apps&rkind=Deployment&rns=shop&rname=api");
        assertThat(PostureLinks.control(3, 5L, "pci-dss-4.0", "1.2.1"))
                .isEqualTo("control?cluster=3&assessment=5&framework=pci-dss-4.0&ref=1.2.1");
    }

    private static Map<String, List<String>> parameters(String link) {
        return QueryParameters.fromString(link.substring(link.indexOf('?') + 1)).getParameters();
    }
}
