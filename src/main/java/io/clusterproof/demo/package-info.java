/**
 * The bundled demo, switched on by {@code clusterproof.demo.enabled} alone (the {@code demo}
 * profile sets it): one user per role, the fictional company's cluster with its generated daily
 * history, and the work its users would have done (waivers, attestations, an item in progress,
 * the weekly evidence schedule). It does all of it through the other modules' public services and
 * events, as the named demo users, so the audit log shows it; no other module depends on it.
 */
@ApplicationModule(allowedDependencies = {"access", "base", "evidence", "remediation", "snapshot", "assessment"})
@NullMarked
package io.clusterproof.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
