package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A control of a framework, referenced by its official reference, described in our own words. */
public record ControlDefinition(
        @JsonProperty("ref") String ref,
        @JsonProperty("section") String section,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("type") ControlType type,
        @JsonProperty("checks") @Nullable List<CheckMapping> checks,
        @JsonProperty("attestation") @Nullable AttestationSpec attestation) {

    public List<CheckMapping> mappedChecks() {
        return checks == null ? List.of() : checks;
    }

    public boolean automated() {
        return type == ControlType.AUTOMATED;
    }
}
