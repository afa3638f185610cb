package io.clusterproof.snapshot;

/** One object of a snapshot, without its body. */
public record ResourceRow(ResourceKey key, String apiVersion, String digest, boolean controlled) {}
