package io.clusterproof.base;

/** An input is larger than a configured limit allows; the message names the input and the limit. */
public class TooLargeException extends UserFacingException {

    public TooLargeException(String message) {
        super(message);
    }
}
