package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which objects a check looks at.
 *
 * @param kinds qualified kinds ({@code Deployment}, {@code velero.io/Schedule}), or {@code workload}
 *     for every kind that carries a pod template, or {@code Cluster} for the cluster as a whole
 * @param scope {@code cluster}: the object is cluster-wide evidence and counts for every framework
 *     whatever its namespace; default: the object's namespace decides
 * @param where optional CEL; when false the check does not apply to the object (NOT_APPLICABLE)
 */
public record Match(
        @JsonProperty("kinds") List<String> kinds,
        @JsonProperty("scope") @Nullable String scope,
        @JsonProperty("where") @Nullable String where) {

    public boolean clusterWide() {
        return "cluster".equals(scope);
    }
}
