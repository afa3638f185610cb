/**
 * Who may do what, and the record of what they did: user accounts with their roles, sign-in and
 * its throttling, API tokens, and the append-only audit log every other module writes to.
 */
@ApplicationModule(allowedDependencies = {"base", "base::ui"})
@NullMarked
package io.clusterproof.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
