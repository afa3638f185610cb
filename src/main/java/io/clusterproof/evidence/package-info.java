/**
 * Evidence for auditors: the findings and control-matrix CSVs, the PDF evidence report, and
 * evidence packs (a ZIP of the report, the CSVs and a manifest of their SHA-256 digests) kept
 * immutable in the evidence locker with their own digest. It runs scheduled packs (weekly by
 * default) with optional delivery by email, and deletes packs only when their retention ends.
 * Waivers, attestations and drift reach the reports through the {@link
 * io.clusterproof.evidence.WaiversInForce}, {@link io.clusterproof.evidence.AttestationsInForce}
 * and {@link io.clusterproof.evidence.DriftSummary} interfaces that the modules keeping them
 * implement; without them the report says that none are recorded.
 */
@ApplicationModule(
        allowedDependencies = {"access", "assessment", "base", "base::ui", "catalog", "drift", "remediation", "snapshot"
        })
@NullMarked
package io.clusterproof.evidence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
