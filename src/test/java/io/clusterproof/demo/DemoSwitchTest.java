package io.clusterproof.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.clusterproof.access.UserService;
import io.clusterproof.base.BaseProperties;
import io.clusterproof.evidence.EvidenceSchedules;
import io.clusterproof.remediation.AttestationService;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.CollectionService;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** The demo has one switch, {@code clusterproof.demo.enabled}: off, none of its parts exist; on, all of them. */
class DemoSwitchTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(DemoConfiguration.class)
            .withBean(UserService.class, () -> mock(UserService.class))
            .withBean(ClusterService.class, () -> mock(ClusterService.class))
            .withBean(CollectionService.class, () -> mock(CollectionService.class))
            .withBean(BaseProperties.class, () -> new BaseProperties(ZoneOffset.UTC, java.time.Duration.ofMinutes(15)))
            .withBean("collectionExecutor", TaskExecutor.class, SyncTaskExecutor::new)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(WaiverService.class, () -> mock(WaiverService.class))
            .withBean(AttestationService.class, () -> mock(AttestationService.class))
            .withBean(RemediationService.class, () -> mock(RemediationService.class))
            .withBean(EvidenceSchedules.class, () -> mock(EvidenceSchedules.class))
            .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class));

    @Test
    void without_the_property_no_part_of_the_demo_exists() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(DemoUsers.class)
                .doesNotHaveBean(DemoCluster.class)
                .doesNotHaveBean(DemoRemediation.class)
                .doesNotHaveBean(DemoEvidencePacks.class));
    }

    @Test
    void the_property_false_keeps_the_demo_off() {
        runner.withPropertyValues("clusterproof.demo.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoUsers.class));
    }

    @Test
    void the_property_alone_switches_on_every_part_of_the_demo() {
        runner.withPropertyValues("clusterproof.demo.enabled=true")
                .run(context -> assertThat(context)
                        .hasSingleBean(DemoUsers.class)
                        .hasSingleBean(DemoCluster.class)
                        .hasSingleBean(DemoRemediation.class)
                        .hasSingleBean(DemoEvidencePacks.class));
    }
}
