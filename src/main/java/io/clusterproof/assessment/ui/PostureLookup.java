package io.clusterproof.assessment.ui;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.SnapshotReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns the URL's posture state into the cluster, assessment and namespaces it names. */
@Component
class PostureLookup {

    /** A team filter that matches no namespace must select nothing, not everything. */
    static final String NO_NAMESPACE = "\u0000none";

    record Resolved(
            List<ClusterSummary> clusters,
            @Nullable ClusterSummary cluster,
            @Nullable AssessmentSummary assessment,
            Map<String, Map<String, String>> namespaceLabels,
            List<String> namespaces) {

        List<String> teams() {
            var teams = new TreeSet<String>();
            namespaceLabels.values().forEach(labels -> {
                if (labels.get("team") != null) {
                    teams.add(labels.get("team"));
                }
            });
            return List.copyOf(teams);
        }
    }

    private final ClusterService clusters;
    private final AssessmentQueries assessments;
    private final SnapshotReader snapshots;

    PostureLookup(ClusterService clusters, AssessmentQueries assessments, SnapshotReader snapshots) {
        this.clusters = clusters;
        this.assessments = assessments;
        this.snapshots = snapshots;
    }

    Resolved resolve(PostureState state, boolean clusterRequired) {
        var all = clusters.list();
        ClusterSummary cluster = null;
        if (state.clusterId() != null) {
            cluster = all.stream()
                    .filter(c -> c.id() == state.clusterId())
                    .findFirst()
                    .orElse(null);
        } else if (clusterRequired && !all.isEmpty()) {
            cluster = all.get(0);
        }
        AssessmentSummary assessment = null;
        if (cluster != null) {
            var clusterId = cluster.id();
            assessment = state.assessmentId() == null
                    ? assessments.latest(clusterId).orElse(null)
                    : assessments
                            .get(state.assessmentId())
                            .filter(a -> a.clusterId() == clusterId)
                            .orElse(null);
        }
        var labels = assessment == null
                ? Map.<String, Map<String, String>>of()
                : snapshots.namespaceLabels(assessment.snapshotId());
        return new Resolved(all, cluster, assessment, labels, effectiveNamespaces(state, labels));
    }

    static List<String> effectiveNamespaces(PostureState state, Map<String, Map<String, String>> labels) {
        var selected = new LinkedHashSet<>(state.namespaces());
        if (state.team() != null) {
            var teamNamespaces = new ArrayList<String>();
            labels.forEach((namespace, l) -> {
                if (state.team().equals(l.get("team"))) {
                    teamNamespaces.add(namespace);
                }
            });
            selected.addAll(teamNamespaces.isEmpty() ? List.of(NO_NAMESPACE) : teamNamespaces);
        }
        return List.copyOf(selected);
    }
}
