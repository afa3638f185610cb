package io.clusterproof.snapshot;

/** Told about progress while a source is read. */
interface CollectionListener {

    CollectionListener NONE = (kindsDone, kindsTotal, objects) -> {};

    void progress(int kindsDone, int kindsTotal, int objects);
}
