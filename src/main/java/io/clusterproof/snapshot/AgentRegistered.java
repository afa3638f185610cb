package io.clusterproof.snapshot;

/** What an agent receives for its registration token: its credential, shown this once. */
public record AgentRegistered(long clusterId, String clusterName, String credential, String keyFingerprint) {}
