package io.clusterproof.demo;

import io.clusterproof.access.UserService;
import io.clusterproof.base.BaseProperties;
import io.clusterproof.evidence.EvidenceSchedules;
import io.clusterproof.remediation.AttestationService;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.CollectionService;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** The demo's parts exist only when {@code clusterproof.demo.enabled} is true; this is the one switch. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("clusterproof.demo.enabled")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    @Bean
    DemoUsers demoUsers(UserService users) {
        return new DemoUsers(users);
    }

    @Bean
    DemoCluster demoCluster(
            DemoProperties properties,
            ClusterService clusters,
            CollectionService collections,
            BaseProperties base,
            @Qualifier("collectionExecutor") TaskExecutor executor,
            Clock clock) {
        return new DemoCluster(
                properties, clusters, collections, new DemoHistoryWriter(collections, base, clock), executor);
    }

    @Bean
    DemoRemediation demoRemediation(
            ClusterService clusters,
            WaiverService waivers,
            AttestationService attestations,
            RemediationService remediation,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        return new DemoRemediation(clusters, waivers, attestations, remediation, clock, transactionManager);
    }

    @Bean
    DemoEvidencePacks demoEvidencePacks(
            EvidenceSchedules schedules, Clock clock, PlatformTransactionManager transactionManager) {
        return new DemoEvidencePacks(schedules, clock, transactionManager);
    }
}
