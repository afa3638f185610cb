/**
 * The headless commands for pipelines, from the same jar: {@code scan} assesses manifest files
 * with the catalog and prints a table, JSON, CSV, SARIF or OSCAL, and gates on a regression
 * against a previous scan ({@code --baseline}); {@code checks} lists the catalog's checks, and
 * {@code checks verify} runs their fixtures. No web server, no database.
 */
@ApplicationModule(allowedDependencies = {"access", "assessment", "base", "catalog", "evidence", "snapshot"})
@NullMarked
package io.clusterproof.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
