package io.clusterproof.snapshot;

import io.clusterproof.base.UserFacingException;

/** An agent's request refused, with the reason said to the agent and the answer's kind. */
public class AgentRefusedException extends UserFacingException {

    /** What kind of refusal, as the REST answer's status gives it. */
    public enum Reason {
        /** No usable credential or registration token (401). */
        UNAUTHENTICATED(401),
        /** A credential that may not do this (403). */
        FORBIDDEN(403),
        /** A manifest, signature or body that does not check out (400). */
        INVALID(400),
        /** No such push for this agent (404). */
        NOT_FOUND(404),
        /** Not possible in the push's state (409). */
        CONFLICT(409),
        /** Larger than the configured bounds (413). */
        TOO_LARGE(413);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    AgentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
