package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The namespaces a framework applies to.
 *
 * @param namespaceSelector a Kubernetes label selector over namespace labels; absent means every
 *     namespace (system namespaces are out of scope unless a check is cluster-wide)
 */
public record FrameworkScope(
        @JsonProperty("description") @Nullable String description,
        @JsonProperty("namespaceSelector") @Nullable Map<String, Object> namespaceSelector) {

    public static FrameworkScope everyNamespace() {
        return new FrameworkScope("Every namespace", null);
    }
}
