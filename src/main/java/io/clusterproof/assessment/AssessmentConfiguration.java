package io.clusterproof.assessment;

import io.clusterproof.catalog.Catalog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssessmentProperties.class)
class AssessmentConfiguration {

    @Bean
    AssessmentEngine assessmentEngine(Catalog catalog, AssessmentProperties properties) {
        return new AssessmentEngine(catalog, properties.systemNamespaces());
    }
}
