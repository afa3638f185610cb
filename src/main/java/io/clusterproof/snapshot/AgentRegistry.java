package io.clusterproof.snapshot;

import io.clusterproof.base.DatabaseProduct;
import io.clusterproof.base.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The stored registration tokens and agent credentials, by their hashes. */
@Component
class AgentRegistry {

    record Registration(
            long id,
            long clusterId,
            Instant expiresAt,
            @Nullable Instant usedAt) {}

    /** A credential as stored; {@code publicKey} is Base64 X.509. */
    record Credential(
            long id,
            long clusterId,
            String publicKey,
            String fingerprint,
            @Nullable Instant revokedAt) {}

    private final JdbcTemplate jdbc;

    private final String lockForChange;

    AgentRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.lockForChange = DatabaseProduct.isH2(jdbc) ? "for update" : "for no key update";
    }

    void addRegistration(long clusterId, String tokenHash, String createdBy, Instant now, Instant expiresAt) {
        jdbc.update(
                "insert into agent_registration (cluster_id, token_hash, created_by, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?)",
                clusterId,
                tokenHash,
                createdBy,
                SqlTime.of(now),
                SqlTime.of(expiresAt));
    }

    Optional<Registration> registration(String tokenHash) {
        return jdbc
                .query(
                        "select id, cluster_id, expires_at, used_at from agent_registration where token_hash = ?",
                        (rs, i) -> new Registration(
                                rs.getLong(1), rs.getLong(2), SqlTime.require(rs, 3), SqlTime.read(rs, 4)),
                        tokenHash)
                .stream()
                .findFirst();
    }

    /** Uses the token up; false when another request used it first. */
    boolean use(long registrationId, Instant now) {
        return jdbc.update(
                        "update agent_registration set used_at = ? where id = ? and used_at is null",
                        SqlTime.of(now),
                        registrationId)
                == 1;
    }

    void addCredential(
            long clusterId, long registrationId, String hash, String publicKey, String fingerprint, Instant now) {
        jdbc.update(
                "insert into agent_credential (cluster_id, registration_id, credential_hash, public_key,"
                        + " key_fingerprint, registered_at) values (?, ?, ?, ?, ?, ?)",
                clusterId,
                registrationId,
                hash,
                publicKey,
                fingerprint,
                SqlTime.of(now));
    }

    Optional<Credential> credential(String hash) {
        return jdbc
                .query(
                        "select id, cluster_id, public_key, key_fingerprint, revoked_at from agent_credential"
                                + " where credential_hash = ?",
                        (rs, i) -> new Credential(
                                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), SqlTime.read(rs, 5)),
                        hash)
                .stream()
                .findFirst();
    }

    /**
     * Revokes the cluster's active credentials; returns the fingerprints of the keys revoked. The
     * cluster's row is locked first, so that two registrations at once (on two instances) revoke
     * one another in turn instead of both staying active. On PostgreSQL the lock is {@code FOR NO KEY
     * UPDATE}, which a push's inserts referring to the cluster (their foreign-key checks take
     * {@code FOR KEY SHARE}) do not wait for: a push holds its credential's row while it inserts,
     * and a revocation that waited on one and held the other would deadlock with it.
     */
    List<String> revokeActive(long clusterId, String by, Instant now) {
        jdbc.queryForList("select id from cluster where id = ? " + lockForChange, Long.class, clusterId);
        var fingerprints = jdbc.queryForList(
                "select key_fingerprint from agent_credential where cluster_id = ? and revoked_at is null",
                String.class,
                clusterId);
        jdbc.update(
                "update agent_credential set revoked_at = ?, revoked_by = ? where cluster_id = ? and revoked_at is null",
                SqlTime.of(now),
                by,
                clusterId);
        return fingerprints;
    }

    void seen(long credentialId, Instant now) {
        jdbc.update("update agent_credential set last_seen_at = ? where id = ?", SqlTime.of(now), credentialId);
    }

    void requestCollection(long clusterId) {
        jdbc.update(
                "update agent_credential set collect_requested = true where cluster_id = ? and revoked_at is null",
                clusterId);
    }

    /** Whether the server asked for a collection since the agent last looked; asking again clears it. */
    boolean takeCollectionRequest(long credentialId) {
        return jdbc.update(
                        "update agent_credential set collect_requested = false where id = ? and collect_requested = true",
                        credentialId)
                == 1;
    }

    AgentStatus status(long clusterId, Instant now) {
        var pending = jdbc.queryForObject(
                "select max(expires_at) from agent_registration where cluster_id = ? and used_at is null"
                        + " and expires_at > ?",
                (rs, i) -> SqlTime.read(rs, 1),
                clusterId,
                SqlTime.of(now));
        return jdbc
                .query(
                        "select key_fingerprint, registered_at, last_seen_at, revoked_at from agent_credential"
                                + " where cluster_id = ? order by id desc",
                        (rs, i) -> new AgentStatus(
                                rs.getString(1),
                                SqlTime.read(rs, 2),
                                SqlTime.read(rs, 3),
                                SqlTime.read(rs, 4),
                                pending),
                        clusterId)
                .stream()
                .findFirst()
                .orElse(new AgentStatus(null, null, null, null, pending));
    }
}
