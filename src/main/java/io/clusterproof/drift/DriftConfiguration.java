package io.clusterproof.drift;

import java.net.http.HttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DriftProperties.class)
class DriftConfiguration {

    /** Webhook calls never follow redirects: a receiver that moved must be re-configured, not guessed. */
    @Bean
    HttpClient webhookHttpClient(DriftProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.webhookConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
