/**
 * Evidence for auditors: the findings and control-matrix CSVs, the PDF evidence report, NIST
 * OSCAL assessment results (for the API, the packs and the {@code scan} command), and evidence
 * packs (a ZIP of the report, the CSVs, the OSCAL document and a manifest of their SHA-256
 * digests) kept immutable in the evidence locker with their own digest. It runs scheduled packs
 * (weekly by default) with optional delivery by email, and deletes packs only when their
 * retention ends. Waivers and attestations are read from the remediation module's services and
 * drift from the drift module's, through {@code RemediationRecords} and {@code DriftRecords}.
 */
@ApplicationModule(
        allowedDependencies = {"access", "assessment", "base", "base::ui", "catalog", "drift", "remediation", "snapshot"
        })
@NullMarked
package io.clusterproof.evidence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
