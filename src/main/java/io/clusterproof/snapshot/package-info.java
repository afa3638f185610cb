/**
 * What a cluster looks like, kept over time: the cluster registry with sources and schedules,
 * collection from a live API server (fabric8) or from manifest files and uploaded dumps,
 * redaction and normalisation of every object before anything is stored, and content-addressed,
 * immutable snapshots. It publishes {@link io.clusterproof.snapshot.SnapshotCollected}.
 */
@ApplicationModule(allowedDependencies = {"access", "base", "base::ui"})
@NullMarked
package io.clusterproof.snapshot;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
