package io.clusterproof.access;

/** The one moment a token's value exists outside the caller's hands. */
public record IssuedApiToken(ApiTokenSummary summary, String token) {}
