package io.clusterproof.base;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every module.
 *
 * @param timeZone the zone schedules and report dates are read in
 * @param republishEventsAfter an event whose listener has not completed after this long is handed to
 *     it again (its process stopped, or the listener failed); longer than any listener's work takes,
 *     so that no replica repeats work another one is still doing
 */
@ConfigurationProperties("clusterproof.base")
public record BaseProperties(
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("15m") Duration republishEventsAfter) {}
