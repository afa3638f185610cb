package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Period;

/**
 * What an officer attests for an attestation control, and how long an attestation stays valid.
 *
 * @param validity ISO-8601 period, e.g. {@code P365D}
 */
public record AttestationSpec(
        @JsonProperty("prompt") String prompt,
        @JsonProperty("validity") Period validity) {}
