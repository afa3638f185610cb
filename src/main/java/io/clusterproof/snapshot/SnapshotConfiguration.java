package io.clusterproof.snapshot;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SnapshotProperties.class, DemoProperties.class})
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
}
