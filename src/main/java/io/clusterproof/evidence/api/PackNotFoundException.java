package io.clusterproof.evidence.api;

import io.clusterproof.base.NotFoundException;

/** A pack id that is not (or no longer) in the locker. */
class PackNotFoundException extends NotFoundException {

    PackNotFoundException(long id) {
        super("There is no evidence pack " + id + " in the locker.");
    }
}
