package io.clusterproof.assessment;

/** A link from a finding to the remediation item that tracks it: text to show and where it leads. */
public record RemediationLink(String label, String path) {}
