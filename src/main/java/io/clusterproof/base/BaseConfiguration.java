package io.clusterproof.base;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

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
}
