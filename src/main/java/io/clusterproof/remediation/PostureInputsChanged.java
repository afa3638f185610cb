package io.clusterproof.remediation;

import org.jspecify.annotations.Nullable;

/** A waiver or attestation decision changed what an assessment would conclude; null cluster = every cluster. */
record PostureInputsChanged(@Nullable Long clusterId) {}
