package io.clusterproof.catalog;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the catalog at start; an invalid catalog stops the application with every problem listed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

    @Bean
    Catalog catalog(CatalogProperties properties) {
        var sources = new ArrayList<List<CatalogFile>>();
        sources.add(CatalogFiles.builtIn());
        properties.extraPaths().forEach(path -> sources.add(CatalogFiles.folder(path)));
        var catalog = CatalogLoader.load(sources, properties.maxIterations());
        log.info(
                "Catalog {} loaded: {} frameworks, {} checks{}",
                catalog.digest().substring(0, 12),
                catalog.frameworks().size(),
                catalog.checks().size(),
                properties.extraPaths().isEmpty() ? "" : " (with extra folders " + properties.extraPaths() + ")");
        return catalog;
    }
}
