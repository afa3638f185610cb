package io.clusterproof.snapshot;

import io.clusterproof.base.UserFacingException;

/** A second collection of the same cluster was asked for while one runs. */
public class CollectionAlreadyRunningException extends UserFacingException {

    CollectionAlreadyRunningException(String clusterName) {
        super("A collection of " + clusterName + " is already running; wait for it to finish.");
    }
}
