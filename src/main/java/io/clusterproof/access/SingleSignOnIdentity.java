package io.clusterproof.access;

/** Who the provider says signed in: its issuer and subject identify the account, the rest is shown. */
record SingleSignOnIdentity(String issuer, String subject, String username, String displayName) {}
