package io.clusterproof.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword password for the {@code admin} account created at first start; blank means
 *     generate one and log it once
 * @param maxFailedSignIns failures in a row after which a username is locked
 * @param lockout how long a locked username stays locked
 */
@ConfigurationProperties("clusterproof.access")
public record AccessProperties(
        @DefaultValue("") String adminPassword,
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("15m") Duration lockout) {}
