package io.clusterproof.base;

import java.util.Objects;

/**
 * A failure whose message is written for the person who caused it: it names the input and says
 * what to do. Views show the message as it is.
 */
public class UserFacingException extends RuntimeException {

    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message given to the constructor, which is never null. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "a user-facing failure always has a message");
    }
}
