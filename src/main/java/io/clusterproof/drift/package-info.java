/**
 * What changed, and whether it matters: the difference between two snapshots of a cluster (objects
 * added, removed and changed, with a field-level diff of the changed ones, read from the stored
 * digests first), the difference between their assessments (findings newly failing, fixed, waived
 * or unknown; control status changes; score deltas), score timelines, the audit baselines officers
 * mark, and regression alerts sent to webhooks after each assessment of a cluster's main lineage.
 * It follows {@code AssessmentCompleted}; nothing upstream depends on it.
 */
@ApplicationModule(allowedDependencies = {"access", "assessment", "base", "base::ui", "catalog", "snapshot"})
@NullMarked
package io.clusterproof.drift;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
