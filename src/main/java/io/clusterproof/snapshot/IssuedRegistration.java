package io.clusterproof.snapshot;

import java.time.Instant;

/** A registration token as issued: {@code token} is shown this once and stored only as a hash. */
public record IssuedRegistration(long clusterId, String clusterName, String token, Instant expiresAt) {}
