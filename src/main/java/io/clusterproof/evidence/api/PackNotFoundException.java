package io.clusterproof.evidence.api;

/** A pack id that is not (or no longer) in the locker. */
class PackNotFoundException extends RuntimeException {

    PackNotFoundException(long id) {
        super("There is no evidence pack " + id + " in the locker.");
    }
}
