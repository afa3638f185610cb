/**
 * The work that follows a failing check: remediation items created from FAIL findings, grouped
 * per cluster, check and resource, with owner team, due date from severity, comments, ticket link
 * and history, moved automatically by each assessment (resolved only when a later assessment shows
 * the finding passing); waivers requested by one person and approved by another, always with an
 * expiry; and attestations of controls no API object can prove. It supplies the assessment's
 * waiver and attestation policies.
 */
@ApplicationModule(allowedDependencies = {"access", "assessment", "base", "base::ui", "catalog", "snapshot"})
@NullMarked
package io.clusterproof.remediation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
