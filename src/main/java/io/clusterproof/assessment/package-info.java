/**
 * Scores snapshots against the catalog: evaluates every compiled check on every matching object
 * (pod templates at their controller), applies each framework's namespace scope, derives control
 * statuses and the control and resource scores, and stores assessments with their findings. It
 * runs after each {@code SnapshotCollected} and publishes {@code AssessmentCompleted}.
 */
@ApplicationModule(allowedDependencies = {"access", "base", "base::ui", "catalog", "snapshot"})
@NullMarked
package io.clusterproof.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
