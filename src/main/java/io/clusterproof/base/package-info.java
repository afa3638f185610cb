/**
 * The application shell: clock and time zone, the main layout with its navigation, error handling
 * and the small UI widgets every module shares (status badges, charts, notifications). It depends
 * on no other module.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.clusterproof.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
