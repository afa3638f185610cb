package io.clusterproof.snapshot.api;

import org.jspecify.annotations.Nullable;

/** How an agent presents its credential, and what it is told when it does not. */
final class AgentCredentials {

    static final String MISSING = "Send the agent's credential as Authorization: Bearer cpa_...";
    static final String UNKNOWN = "The agent credential is not known; register the agent again.";

    private static final String BEARER = "Bearer ";

    private AgentCredentials() {}

    /** The credential in an {@code Authorization} header, or null when there is none. */
    static @Nullable String presented(@Nullable String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return null;
        }
        var credential = authorization.substring(BEARER.length()).strip();
        return credential.isEmpty() ? null : credential;
    }
}
