package io.clusterproof.evidence;

import io.clusterproof.base.UserFacingException;

/** An export request with a value that cannot be used; {@link #field()} names the input at fault. */
public class InvalidExportException extends UserFacingException {

    private final String field;

    public InvalidExportException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
