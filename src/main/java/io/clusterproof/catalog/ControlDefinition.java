package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A control of a framework, referenced by its official reference, described in our own words.
 *
 * @param implementation for HIPAA implementation specifications: required or addressable
 */
public record ControlDefinition(
        @JsonProperty("ref") String ref,
        @JsonProperty("section") String section,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("type") ControlType type,
        @JsonProperty("implementation") @Nullable Implementation implementation,
        @JsonProperty("checks") @Nullable List<CheckMapping> checks,
        @JsonProperty("attestation") @Nullable AttestationSpec attestation) {

    public List<CheckMapping> mappedChecks() {
        return checks == null ? List.of() : checks;
    }

    /** Checks prove it completely. */
    public boolean automated() {
        return type == ControlType.AUTOMATED;
    }

    /** Checks prove a part; an attestation must cover the rest. */
    public boolean hybrid() {
        return type == ControlType.HYBRID;
    }

    /** Whether a person's attestation is part of its evidence (hybrid and attestation controls). */
    public boolean attested() {
        return type != ControlType.AUTOMATED;
    }

    /** Whether checks are part of its evidence (automated and hybrid controls). */
    public boolean checked() {
        return type != ControlType.ATTESTATION;
    }
}
