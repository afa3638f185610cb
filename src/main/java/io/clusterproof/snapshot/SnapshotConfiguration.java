package io.clusterproof.snapshot;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
class SnapshotConfiguration {

    /** Collections run here, never on a request or scheduler thread. Two at a time: they are I/O and CPU heavy. */
    @Bean
    ThreadPoolTaskExecutor collectionExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("collect-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(1000);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    /**
     * Multipart requests (the upload dialog, the upload API) may carry a dump as large as
     * {@code clusterproof.snapshot.max-upload-bytes}; Spring's own default of 1 MB would refuse a
     * real cluster dump. The request may be a little larger than the file for the form's framing.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(SnapshotProperties properties) {
        var factory = new MultipartConfigFactory();
        factory.setMaxFileSize(DataSize.ofBytes(properties.maxUploadBytes()));
        factory.setMaxRequestSize(DataSize.ofBytes(properties.maxUploadBytes() + (1 << 20)));
        return factory.createMultipartConfig();
    }
}
