package io.clusterproof.snapshot;

/** The source could not be reached or read at all: the run fails and no snapshot is stored. */
class SourceUnreachableException extends RuntimeException {

    SourceUnreachableException(String message) {
        super(message);
    }

    SourceUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
