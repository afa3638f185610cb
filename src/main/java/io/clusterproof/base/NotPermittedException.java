package io.clusterproof.base;

/**
 * The role allows the action in general, but a rule forbids it to this person here: an officer
 * deciding their own waiver, for example.
 */
public class NotPermittedException extends UserFacingException {

    public NotPermittedException(String message) {
        super(message);
    }
}
