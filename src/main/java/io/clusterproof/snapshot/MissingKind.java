package io.clusterproof.snapshot;

/** A kind that could not be collected, and why (e.g. {@code forbidden (403)}). */
public record MissingKind(String kind, String reason) {}
