/**
 * The control catalogs as data: loads {@code compliance-mappings/} (and any extra catalog
 * folders), validates every file at start — malformed YAML, unknown fields, CEL that does not
 * compile, duplicate ids, dangling references, checks without fixtures — and compiles each
 * check's CEL rule once. The catalog's content digest identifies its version.
 */
@ApplicationModule(allowedDependencies = {"base", "snapshot"})
@NullMarked
package io.clusterproof.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
