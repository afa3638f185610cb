package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A framework file under {@code frameworks/}. */
public record FrameworkDefinition(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("version") String version,
        @JsonProperty("description") String description,
        @JsonProperty("scope") @Nullable FrameworkScope scope,
        @JsonProperty("sections") List<Section> sections,
        @JsonProperty("controls") List<ControlDefinition> controls) {

    public FrameworkScope effectiveScope() {
        return scope == null ? FrameworkScope.everyNamespace() : scope;
    }
}
