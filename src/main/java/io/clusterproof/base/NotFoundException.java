package io.clusterproof.base;

/** The thing asked for does not exist (or no longer does). */
public class NotFoundException extends UserFacingException {

    public NotFoundException(String message) {
        super(message);
    }
}
