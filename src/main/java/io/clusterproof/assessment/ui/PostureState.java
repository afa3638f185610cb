package io.clusterproof.assessment.ui;

import io.clusterproof.base.ui.UrlState;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the posture views show, as it is kept in the URL: which cluster, as of which assessment,
 * for which namespaces or team.
 */
record PostureState(
        @Nullable Long clusterId,
        @Nullable Long assessmentId,
        List<String> namespaces,
        @Nullable String team) {

    static PostureState from(UrlState url) {
        var namespaces = url.get("ns")
                .map(v -> Arrays.stream(v.split(",")).filter(s -> !s.isBlank()).toList())
                .orElse(List.of());
        return new PostureState(
                url.getLong("cluster").orElse(null),
                url.getLong("assessment").orElse(null),
                namespaces,
                url.get("team").orElse(null));
    }

    UrlState write(UrlState url) {
        return url.with("cluster", clusterId)
                .with("assessment", assessmentId)
                .with("ns", String.join(",", namespaces))
                .with("team", team);
    }

    UrlState toUrl() {
        return write(UrlState.empty());
    }

    PostureState withCluster(@Nullable Long id) {
        return new PostureState(id, null, List.of(), null);
    }

    PostureState withAssessment(@Nullable Long id) {
        return new PostureState(clusterId, id, namespaces, team);
    }

    PostureState withNamespaces(List<String> selected) {
        return new PostureState(clusterId, assessmentId, selected, team);
    }

    PostureState withTeam(@Nullable String selected) {
        return new PostureState(clusterId, assessmentId, namespaces, selected);
    }

    boolean narrowed() {
        return !namespaces.isEmpty() || team != null;
    }
}
