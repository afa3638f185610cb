package io.clusterproof.base;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BaseProperties.class)
@EnableScheduling
@EnableAsync
class BaseConfiguration {

    /** Injected everywhere time matters, so tests and the demo history can control it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Runs the modules' event listeners (assessments after snapshots, remediation and drift after
     * assessments): a few threads and a queue, so a burst of events never starts a thread each.
     * On shutdown the running work finishes; what is still queued stays recorded as an incomplete
     * event publication and is run again once it is old enough (see EventRepublisher).
     */
    @Bean(name = "taskExecutor")
    ThreadPoolTaskExecutor taskExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("events-");
        executor.setCorePoolSize(4);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }
}
