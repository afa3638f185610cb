package io.clusterproof.snapshot;

import io.clusterproof.base.InsertIfAbsent;
import io.clusterproof.base.SqlTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Pushes being received and the bodies their agents uploaded, kept apart from the snapshot tables
 * until a commit stores the snapshot in one transaction.
 */
@Component
class AgentStaging {

    record Push(
            long id,
            long clusterId,
            long credentialId,
            String signature,
            byte[] manifest,
            @Nullable Long snapshotId) {

        AgentManifest parsedManifest() {
            return AgentManifest.parse(CanonicalJson.gunzip(manifest));
        }
    }

    record Staged(byte[] body, int size) {}

    private static final String PUSH_COLUMNS = "id, cluster_id, credential_id, signature, manifest, snapshot_id";

    private final JdbcTemplate jdbc;
    private final String insertStaged;

    AgentStaging(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.insertStaged = InsertIfAbsent.statement(
                jdbc, "agent_staged_body", "credential_id, digest", "credential_id, digest, body, size_bytes");
    }

    Optional<Push> push(long credentialId, String manifestDigest) {
        return jdbc
                .query(
                        "select " + PUSH_COLUMNS + " from agent_push where credential_id = ? and manifest_digest = ?",
                        (rs, i) -> push(rs),
                        credentialId,
                        manifestDigest)
                .stream()
                .findFirst();
    }

    Optional<Push> push(long id) {
        return jdbc.query("select " + PUSH_COLUMNS + " from agent_push where id = ?", (rs, i) -> push(rs), id).stream()
                .findFirst();
    }

    /** The push, its row locked until the transaction ends: two commits of one push store one snapshot. */
    Optional<Push> lockPush(long id) {
        return jdbc
                .query("select " + PUSH_COLUMNS + " from agent_push where id = ? for update", (rs, i) -> push(rs), id)
                .stream()
                .findFirst();
    }

    private static Push push(java.sql.ResultSet rs) throws java.sql.SQLException {
        var snapshot = rs.getLong(6);
        var stored = !rs.wasNull();
        return new Push(
                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBytes(5), stored ? snapshot : null);
    }

    /**
     * Starts a push; the agent's pushes not committed before are dropped, as this one supersedes them,
     * and so are the bodies it staged that this manifest does not name: an agent holds at most one
     * manifest's bodies in staging.
     */
    long start(long clusterId, long credentialId, AgentManifest manifest, String signature, Instant now) {
        jdbc.update("delete from agent_push where credential_id = ? and snapshot_id is null", credentialId);
        var named = new HashSet<String>();
        manifest.objects().forEach(o -> named.add(o.digest()));
        var unnamed = stagedDigests(credentialId).stream()
                .filter(d -> !named.contains(d))
                .toList();
        jdbc.batchUpdate(
                "delete from agent_staged_body where credential_id = ? and digest = ?",
                unnamed,
                1000,
                (statement, digest) -> {
                    statement.setLong(1, credentialId);
                    statement.setString(2, digest);
                });
        var keys = new GeneratedKeyHolder();
        var canonical = manifest.canonicalBytes();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement(
                            "insert into agent_push (cluster_id, credential_id, manifest_digest, manifest, signature,"
                                    + " started_at) values (?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    statement.setLong(1, clusterId);
                    statement.setLong(2, credentialId);
                    statement.setString(3, CanonicalJson.sha256(canonical));
                    statement.setBytes(4, CanonicalJson.gzip(canonical));
                    statement.setString(5, signature);
                    statement.setObject(6, SqlTime.of(now));
                    return statement;
                },
                keys);
        return Objects.requireNonNull(keys.getKey(), "the insert returns the generated id")
                .longValue();
    }

    Set<String> stagedDigests(long credentialId) {
        return new HashSet<>(jdbc.queryForList(
                "select digest from agent_staged_body where credential_id = ?", String.class, credentialId));
    }

    /**
     * Stages a body; one staged already is kept. An upload retried on another instance while the
     * first attempt is still being stored stages the same bodies twice, and both succeed.
     */
    void stage(long credentialId, String digest, byte[] gzippedBody, int size) {
        jdbc.update(insertStaged, credentialId, digest, gzippedBody, size);
    }

    Map<String, Staged> staged(long credentialId, Set<String> wanted) {
        var staged = new HashMap<String, Staged>();
        jdbc.query(
                "select digest, body, size_bytes from agent_staged_body where credential_id = ?",
                rs -> {
                    if (wanted.contains(rs.getString(1))) {
                        staged.put(rs.getString(1), new Staged(rs.getBytes(2), rs.getInt(3)));
                    }
                },
                credentialId);
        return staged;
    }

    /** Marks the push stored and lets go of what the agent staged: the snapshot holds it now. */
    void committed(long pushId, long credentialId, long snapshotId) {
        jdbc.update("update agent_push set snapshot_id = ? where id = ?", snapshotId, pushId);
        jdbc.update("delete from agent_staged_body where credential_id = ?", credentialId);
    }

    /** Drops what the cluster's revoked agents staged: a revoked credential can never commit it. */
    void discardRevoked(long clusterId) {
        var revoked = "select id from agent_credential where cluster_id = ? and revoked_at is not null";
        jdbc.update("delete from agent_staged_body where credential_id in (" + revoked + ")", clusterId);
        jdbc.update(
                "delete from agent_push where snapshot_id is null and credential_id in (" + revoked + ")", clusterId);
    }

    /**
     * Drops the pushes started before {@code before} and never committed, with what their agents
     * staged; returns how many pushes. An agent that comes back offers its manifest again and
     * uploads what is missing then.
     */
    int discardAbandoned(Instant before) {
        var cutoff = SqlTime.of(before);
        jdbc.update(
                "delete from agent_staged_body where credential_id in (select credential_id from agent_push"
                        + " where snapshot_id is null and started_at < ?)",
                cutoff);
        return jdbc.update("delete from agent_push where snapshot_id is null and started_at < ?", cutoff);
    }

    @Nullable
    Instant latestSnapshotTakenAt(long clusterId) {
        return jdbc.queryForObject(
                "select max(taken_at) from snapshot where cluster_id = ?", (rs, i) -> SqlTime.read(rs, 1), clusterId);
    }
}
