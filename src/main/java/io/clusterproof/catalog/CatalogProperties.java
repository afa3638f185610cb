package io.clusterproof.catalog;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param extraPaths catalog folders of the organisation, laid out like {@code compliance-mappings/},
 *     validated the same way and added to the built-in catalog
 * @param maxIterations comprehension iterations one rule evaluation may use (the cost limit)
 */
@ConfigurationProperties("clusterproof.catalog")
public record CatalogProperties(
        @DefaultValue("") List<Path> extraPaths,
        @DefaultValue("200000") int maxIterations) {}
