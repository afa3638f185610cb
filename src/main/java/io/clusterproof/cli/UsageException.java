package io.clusterproof.cli;

/** The command line is wrong; exit code 2 with the message and the usage. */
class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
