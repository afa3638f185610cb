package io.clusterproof.snapshot;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drops agents' pushes that never came to a commit within
 * {@code clusterproof.snapshot.agent.abandoned-push-after} (7 days), with the bodies their agents
 * staged, so that staging does not grow for agents that went silent mid-push. Each sweep that
 * drops something is audited. One instance sweeps at a time.
 */
@Component
class AbandonedPushSweep {

    private static final Logger log = LoggerFactory.getLogger(AbandonedPushSweep.class);

    private final AgentStaging staging;
    private final AgentProperties properties;
    private final AuditLog auditLog;
    private final Clock clock;

    AbandonedPushSweep(AgentStaging staging, AgentProperties properties, AuditLog auditLog, Clock clock) {
        this.staging = staging;
        this.properties = properties;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${clusterproof.snapshot.sweep-interval:60s}", initialDelayString = "60s")
    @SchedulerLock(name = "agent-push-sweep", lockAtMostFor = "5m")
    @Transactional
    public void sweep() {
        var after = properties.abandonedPushAfter();
        var dropped = staging.discardAbandoned(clock.instant().minus(after));
        if (dropped > 0) {
            log.warn(
                    "Dropped {} agent push(es) not committed within {}, with the bodies their agents staged",
                    dropped,
                    after);
            auditLog.recordAs(
                    "system",
                    AuditEvent.of("AGENT_PUSHES_ABANDONED", "agent pushes", String.valueOf(dropped))
                            .withDetail("not committed within " + after + "; their staged bodies were dropped"));
        }
    }
}
