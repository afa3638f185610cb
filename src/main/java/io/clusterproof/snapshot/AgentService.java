package io.clusterproof.snapshot;

import io.clusterproof.access.AuditEvent;
import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.snapshot.AgentRefusedException.Reason;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration of agents: an administrator issues a single-use, expiring registration token for an
 * agent cluster; the agent trades it, with its Ed25519 public key, for a credential of its own,
 * which the administrator can revoke. Tokens and credentials are stored as SHA-256 hashes only.
 * Every issue, registration, refusal and revocation is audited; a refusal's audit entry is kept
 * although the request fails.
 */
@Service
@Transactional(noRollbackFor = AgentRefusedException.class)
public class AgentService {

    static final String TOKEN_PREFIX = "cpr_";
    static final String CREDENTIAL_PREFIX = "cpa_";
    private static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private final ClusterRepository clusters;
    private final AgentRegistry registry;
    private final AgentStaging staging;
    private final AuditLog auditLog;
    private final AgentProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AgentService(
            ClusterRepository clusters,
            AgentRegistry registry,
            AgentStaging staging,
            AuditLog auditLog,
            AgentProperties properties,
            Clock clock) {
        this.clusters = clusters;
        this.registry = registry;
        this.staging = staging;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param lifetime how long the token may wait to be used; null for the configured default (24 h) */
    @RolesAllowed(Role.ADMIN_NAME)
    public IssuedRegistration createRegistration(long clusterId, @Nullable Duration lifetime) {
        var cluster = agentCluster(clusterId);
        var life = lifetime == null ? properties.registrationLifetime() : lifetime;
        if (life.compareTo(Duration.ofMinutes(1)) < 0 || life.compareTo(MAX_LIFETIME) > 0) {
            throw new UserFacingException("A registration token must expire within 1 minute to 30 days.");
        }
        var token = TOKEN_PREFIX + randomText();
        var now = clock.instant();
        registry.addRegistration(clusterId, hash(token), AuditLog.currentActorName(), now, now.plus(life));
        auditLog.record(AuditEvent.of("AGENT_REGISTRATION_CREATED", "cluster", cluster.name())
                .withDetail("single-use token, expires at " + now.plus(life)));
        return new IssuedRegistration(clusterId, cluster.name(), token, now.plus(life));
    }

    /** Revokes the cluster's agent credential: its next call is refused, and it must register again. */
    @RolesAllowed(Role.ADMIN_NAME)
    public void revoke(long clusterId) {
        var cluster = find(clusterId);
        var revoked = registry.revokeActive(clusterId, AuditLog.currentActorName(), clock.instant());
        if (revoked.isEmpty()) {
            throw new UserFacingException(cluster.name() + " has no active agent to revoke.");
        }
        staging.discardRevoked(clusterId);
        auditLog.record(AuditEvent.of("AGENT_REVOKED", "cluster", cluster.name())
                .change("ACTIVE", "REVOKED")
                .withDetail("key fingerprint " + String.join(", ", revoked)));
    }

    /** Asks the agent to collect at its next poll, rather than at its next interval. */
    @RolesAllowed(Role.ADMIN_NAME)
    public void requestCollection(long clusterId) {
        var cluster = agentCluster(clusterId);
        if (!registry.status(clusterId, clock.instant()).active()) {
            throw new UserFacingException(cluster.name() + " has no registered agent to ask.");
        }
        registry.requestCollection(clusterId);
        auditLog.record(AuditEvent.of("AGENT_COLLECTION_REQUESTED", "cluster", cluster.name()));
    }

    @PermitAll
    @Transactional(readOnly = true)
    public AgentStatus status(long clusterId) {
        return registry.status(clusterId, clock.instant());
    }

    /**
     * Trades a registration token and the agent's public key for a credential. A cluster has one
     * agent: registering again revokes the credential before.
     *
     * @throws AgentRefusedException for an unknown, used or expired token, or a key that is no Ed25519 key
     */
    public AgentRegistered register(String token, String publicKey) {
        var now = clock.instant();
        var registration = registry.registration(hash(token.strip())).orElse(null);
        if (registration == null) {
            throw refusedRegistration(
                    null,
                    "The registration token is not known; ask an administrator for a new one"
                            + " on the cluster's page.");
        }
        var cluster = find(registration.clusterId());
        if (registration.usedAt() != null) {
            throw refusedRegistration(
                    cluster,
                    "The registration token was already used at " + registration.usedAt()
                            + "; a token registers one agent once. Ask an administrator for a new one.");
        }
        if (cluster.sourceType() != SourceType.AGENT) {
            throw refusedRegistration(
                    cluster,
                    cluster.name() + " is no longer collected by an agent (its source is "
                            + cluster.sourceType().label() + "); the registration token is refused.");
        }
        if (!registration.expiresAt().isAfter(now)) {
            throw refusedRegistration(
                    cluster,
                    "The registration token expired at " + registration.expiresAt()
                            + "; ask an administrator for a new one.");
        }
        PublicKey key;
        try {
            key = AgentKeys.publicKey(publicKey);
        } catch (IllegalArgumentException e) {
            var why = "publicKey: " + e.getMessage() + ".";
            auditLog.recordAs(
                    actor(cluster),
                    AuditEvent.of("AGENT_REGISTRATION_REFUSED", "cluster", cluster.name())
                            .withDetail(why));
            throw new AgentRefusedException(Reason.INVALID, why);
        }
        if (!registry.use(registration.id(), now)) {
            throw refusedRegistration(
                    cluster, "The registration token was already used; ask an administrator for a" + " new one.");
        }
        var actor = actor(cluster);
        var replaced = registry.revokeActive(cluster.id(), actor, now);
        staging.discardRevoked(cluster.id());
        var credential = CREDENTIAL_PREFIX + randomText();
        var fingerprint = AgentKeys.fingerprint(key);
        registry.addCredential(
                cluster.id(), registration.id(), hash(credential), AgentKeys.encode(key), fingerprint, now);
        auditLog.recordAs(
                actor,
                AuditEvent.of("AGENT_REGISTERED", "cluster", cluster.name())
                        .withDetail("key fingerprint " + fingerprint
                                + (replaced.isEmpty() ? "" : "; replaces key " + String.join(", ", replaced))));
        return new AgentRegistered(cluster.id(), cluster.name(), credential, fingerprint);
    }

    private AgentRefusedException refusedRegistration(@Nullable Cluster cluster, String why) {
        auditLog.recordAs(
                cluster == null ? "agent" : actor(cluster),
                AuditEvent.of("AGENT_REGISTRATION_REFUSED", "cluster", cluster == null ? null : cluster.name())
                        .withDetail(why));
        return new AgentRefusedException(Reason.UNAUTHENTICATED, why);
    }

    /** How the audit log names an agent. */
    static String actor(Cluster cluster) {
        return "agent:" + cluster.name();
    }

    private Cluster agentCluster(long clusterId) {
        var cluster = find(clusterId);
        if (cluster.sourceType() != SourceType.AGENT) {
            throw new UserFacingException(cluster.name() + " is collected from "
                    + cluster.sourceType().label() + "; set its source to \"" + SourceType.AGENT.label()
                    + "\" before registering an agent.");
        }
        return cluster;
    }

    private Cluster find(long clusterId) {
        return clusters.findById(clusterId)
                .orElseThrow(() -> new NotFoundException("Cluster " + clusterId + " does not exist."));
    }

    private String randomText() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String value) {
        return CanonicalJson.sha256(value);
    }
}
