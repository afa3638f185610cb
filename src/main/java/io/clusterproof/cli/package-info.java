/**
 * The headless commands for pipelines, from the same jar: {@code scan} assesses manifest files
 * with the catalog and prints a table, JSON, CSV or SARIF; {@code checks} lists the catalog's
 * checks. No web server, no database.
 */
@ApplicationModule(allowedDependencies = {"assessment", "base", "catalog", "evidence", "snapshot"})
@NullMarked
package io.clusterproof.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
