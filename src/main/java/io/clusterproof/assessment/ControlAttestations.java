package io.clusterproof.assessment;

import org.jspecify.annotations.Nullable;

/** Decides, for one assessment, which attestation controls a valid attestation covers. */
public interface ControlAttestations {

    ControlAttestations NONE = (frameworkId, controlRef) -> null;

    /** The id of the valid attestation of this control, or null. */
    @Nullable
    Long attestationFor(String frameworkId, String controlRef);
}
