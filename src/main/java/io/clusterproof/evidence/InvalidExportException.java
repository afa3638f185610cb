package io.clusterproof.evidence;

import io.clusterproof.base.InvalidInputException;

/** An export request with a value that cannot be used; {@link #field()} names the input at fault. */
public class InvalidExportException extends InvalidInputException {

    public InvalidExportException(String field, String message) {
        super(field, message);
    }
}
