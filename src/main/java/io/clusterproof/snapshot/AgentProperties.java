package io.clusterproof.snapshot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Agents that push from inside their clusters. Kept apart from {@link SnapshotProperties} because
 * only the server's receiving side reads them.
 *
 * @param registrationLifetime how long a registration token may wait to be used
 * @param maxBodyBytes largest body an agent may send, as JSON after decompression
 * @param maxBodiesPerRequest most bodies one upload request may carry
 * @param clockSkew how far in the future a manifest's {@code takenAt} may be, for clocks that drift
 * @param maxRequestBytes largest request an agent may send, after gzip decompression: a manifest
 *     takes some 160 bytes an object (40 MB for 250,000 objects)
 * @param abandonedPushAfter how long a push may wait for its commit before it and the bodies its
 *     agent staged are dropped
 */
@ConfigurationProperties("clusterproof.snapshot.agent")
public record AgentProperties(
        @DefaultValue("24h") Duration registrationLifetime,
        @DefaultValue("16777216") int maxBodyBytes,
        @DefaultValue("2000") int maxBodiesPerRequest,
        @DefaultValue("5m") Duration clockSkew,
        @DefaultValue("268435456") long maxRequestBytes,
        @DefaultValue("7d") Duration abandonedPushAfter) {}
