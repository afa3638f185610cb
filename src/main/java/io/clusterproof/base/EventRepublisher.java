package io.clusterproof.base;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events whose listener never completed (its process stopped, or it failed) to their
 * listeners again, once they are older than {@code clusterproof.base.republish-events-after}.
 * Spring Modulith's own republication at start cannot be used with several replicas: a replica
 * starting would hand again every publication another replica is processing at that moment, and a
 * waiver decision's refresh, for one, would then assess the same snapshot twice. The age keeps
 * work in progress out; the database lock makes one replica at a time look.
 */
@Component
class EventRepublisher {

    private static final Logger log = LoggerFactory.getLogger(EventRepublisher.class);

    private final IncompleteEventPublications publications;
    private final BaseProperties properties;

    EventRepublisher(IncompleteEventPublications publications, BaseProperties properties) {
        this.publications = publications;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${clusterproof.base.republish-interval:5m}",
            initialDelayString = "${clusterproof.base.republish-initial-delay:1m}")
    @SchedulerLock(name = "event-republication", lockAtMostFor = "10m")
    public void republishStale() {
        log.debug("Republishing events whose listeners have not completed in {}", properties.republishEventsAfter());
        publications.resubmitIncompletePublicationsOlderThan(properties.republishEventsAfter());
    }
}
