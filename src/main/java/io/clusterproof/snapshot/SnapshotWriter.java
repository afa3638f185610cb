package io.clusterproof.snapshot;

import io.clusterproof.base.InsertIfAbsent;
import io.clusterproof.base.SqlTime;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a snapshot in one transaction: new bodies, the version rows of objects that were added
 * or changed, the end of validity of objects changed or gone, and the snapshot row. Objects
 * unchanged since the previous snapshot cost nothing. Plain JDBC batches: a snapshot can hold tens
 * of thousands of objects.
 */
@Component
class SnapshotWriter {

    private static final int BATCH = 1000;
    private static final int ROW_OVERHEAD_BYTES = 48;

    record CurrentRow(long id, String digest, @Nullable String readVersion, boolean controlled) {}

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final String insertBody;

    SnapshotWriter(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.insertBody = insertBodyStatement(jdbc);
    }

    /**
     * Bodies are shared by digest, and clusters deployed from one chart hold many equal ones: two
     * snapshots stored at once often insert the same new body, and the second keeps the first's
     * row. Bodies go in in digest order, so two such writers never wait for each other in a circle.
     */
    private static String insertBodyStatement(JdbcTemplate jdbc) {
        return InsertIfAbsent.statement(
                jdbc, "resource_body", "digest", "digest, body, size_bytes, segment_id, segment_offset");
    }

    /** Digests of the cluster's latest objects, so a collection compresses only what is new. */
    @Transactional(readOnly = true)
    Set<String> currentDigests(long clusterId) {
        return new HashSet<>(jdbc.queryForList(
                "select digest from resource_state where cluster_id = ? and valid_to is null",
                String.class,
                clusterId));
    }

    /**
     * Whether a controller owns the object of each of the cluster's latest bodies, by digest (a
     * body names its object, so a digest is one object's).
     */
    @Transactional(readOnly = true)
    Map<String, Boolean> currentControlled(long clusterId) {
        var controlled = new HashMap<String, Boolean>();
        jdbc.query(
                "select digest, controlled from resource_state where cluster_id = ? and valid_to is null",
                rs -> {
                    controlled.put(rs.getString(1), rs.getBoolean(2));
                },
                clusterId);
        return controlled;
    }

    @Transactional
    SnapshotSummary write(
            long clusterId,
            long runId,
            Instant takenAt,
            SnapshotBuilder built,
            List<MissingKind> missing,
            List<ManifestIssue> issues,
            @Nullable String kubernetesVersion,
            Provenance provenance) {
        var source = provenance.source();
        var previous = jdbc.queryForObject("select max(id) from snapshot where cluster_id = ?", Long.class, clusterId);
        var entries = built.entries();
        // a kind left out on purpose (an optional kind not granted) does not make the snapshot partial
        var status = missing.stream()
                        .allMatch(m ->
                                KubernetesKinds.optional(m.kind()) && m.reason().equals(KubernetesKinds.NOT_GRANTED))
                ? SnapshotStatus.COMPLETE
                : SnapshotStatus.PARTIAL;
        var digest = digestOf(entries);
        long snapshotId = insertSnapshot(
                clusterId, runId, takenAt, status, entries.size(), digest, kubernetesVersion, provenance);

        var current = currentRows(clusterId);
        var inserts = new ArrayList<SnapshotBuilder.Entry>();
        var closes = new ArrayList<Long>();
        var reread = new ArrayList<Reread>();
        int added = 0;
        int changed = 0;
        for (var entry : entries) {
            var row = current.remove(entry.key());
            if (row == null) {
                added++;
                inserts.add(entry);
            } else if (!row.digest().equals(entry.digest()) || row.controlled() != entry.controlled()) {
                // a changed controller flag is a new version too: older snapshots keep being
                // assessed as they were, since the flag decides whether an object is assessed itself
                changed++;
                inserts.add(entry);
                closes.add(row.id());
            } else if (!Objects.equals(entry.readVersion(), row.readVersion())) {
                // a new read to keep the object by, or none (a read that cannot vouch for it)
                reread.add(new Reread(row.id(), entry.readVersion()));
            }
        }
        int removed = current.size();
        current.values().forEach(row -> closes.add(row.id()));

        // the snapshot's own row counts too, so an unchanged cluster costs a little, not nothing
        long storedBytes = ROW_OVERHEAD_BYTES * 4L + source.length() + 64 + insertBodies(built, inserts);
        storedBytes += insertRows(clusterId, snapshotId, inserts);
        closeRows(closes, previous == null ? snapshotId - 1 : previous);
        recordReads(reread);
        insertMissingKinds(snapshotId, missing);
        insertIssues(snapshotId, issues);
        jdbc.update(
                "update snapshot set added_count = ?, changed_count = ?, removed_count = ?, stored_bytes = ? where id = ?",
                added,
                changed,
                removed,
                storedBytes,
                snapshotId);
        events.publishEvent(new SnapshotCollected(snapshotId, clusterId, takenAt, status == SnapshotStatus.PARTIAL));
        return new SnapshotSummary(
                snapshotId,
                clusterId,
                runId,
                takenAt,
                status,
                entries.size(),
                added,
                changed,
                removed,
                storedBytes,
                digest,
                kubernetesVersion,
                source,
                provenance);
    }

    private long insertSnapshot(
            long clusterId,
            long runId,
            Instant takenAt,
            SnapshotStatus status,
            int objects,
            String digest,
            @Nullable String kubernetesVersion,
            Provenance provenance) {
        var source = provenance.source();
        return insertReturningId(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    insert into snapshot (cluster_id, run_id, taken_at, status, object_count, added_count, changed_count,
                        removed_count, stored_bytes, digest, kubernetes_version, source, provenance, provenance_detail,
                        uploaded_by, upload_file_name, upload_sha256, off_source, agent_signature, agent_key_fingerprint)
                    values (?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"});
            statement.setLong(1, clusterId);
            statement.setLong(2, runId);
            statement.setObject(3, SqlTime.of(takenAt));
            statement.setString(4, status.name());
            statement.setInt(5, objects);
            statement.setString(6, digest);
            statement.setString(7, kubernetesVersion);
            statement.setString(8, truncate(source, 1000));
            statement.setString(9, provenance.kind().name());
            statement.setString(10, truncate(provenance.detail(), 1000));
            statement.setString(11, provenance.uploadedBy());
            statement.setString(12, provenance.fileName() == null ? null : truncate(provenance.fileName(), 255));
            statement.setString(13, provenance.sha256());
            statement.setBoolean(14, provenance.offSource());
            statement.setString(15, provenance.signature());
            statement.setString(16, provenance.keyFingerprint());
            return statement;
        });
    }

    private Map<ResourceKey, CurrentRow> currentRows(long clusterId) {
        var rows = new HashMap<ResourceKey, CurrentRow>();
        jdbc.query(
                "select id, api_group, kind, namespace, name, digest, read_version, controlled from resource_state "
                        + "where cluster_id = ? and valid_to is null",
                rs -> {
                    rows.put(
                            new ResourceKey(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                            new CurrentRow(rs.getLong(1), rs.getString(6), rs.getString(7), rs.getBoolean(8)));
                },
                clusterId);
        return rows;
    }

    /**
     * Stores the bodies the store lacks: each segment that packs at least one of them once, then a
     * row per body that points into its segment (or holds the body, gzipped alone, as an agent
     * uploaded it). A segment whose bodies are all stored already, by another cluster, is dropped.
     */
    private long insertBodies(SnapshotBuilder built, List<SnapshotBuilder.Entry> inserts) {
        var candidates = inserts.stream()
                .map(SnapshotBuilder.Entry::digest)
                .filter(built::holds)
                .collect(Collectors.toCollection(HashSet::new));
        var existing = existingDigests(candidates);
        var missing =
                candidates.stream().filter(d -> !existing.contains(d)).sorted().toList();
        var needed = new TreeSet<Integer>();
        for (var digest : missing) {
            var location = built.location(digest);
            if (location != null) {
                needed.add(location.segment());
            }
        }
        var segments = built.segments();
        var segmentIds = new HashMap<Integer, Long>();
        long bytes = 0;
        for (var index : needed) {
            var segment = segments.get(index);
            segmentIds.put(index, insertSegment(segment));
            bytes += ROW_OVERHEAD_BYTES + segment.gzip().length;
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            var batch = missing.subList(from, Math.min(from + BATCH, missing.size()));
            jdbc.batchUpdate(insertBody, batch, batch.size(), (statement, digest) -> {
                var location = built.location(digest);
                statement.setString(1, digest);
                if (location == null) {
                    statement.setBytes(2, built.gzipped(digest));
                    statement.setInt(3, built.gzippedSize(digest));
                    statement.setNull(4, Types.BIGINT);
                    statement.setNull(5, Types.INTEGER);
                } else {
                    statement.setNull(2, Types.VARBINARY);
                    statement.setInt(3, location.size());
                    statement.setLong(
                            4, Objects.requireNonNull(segmentIds.get(location.segment()), "its segment is stored"));
                    statement.setInt(5, location.offset());
                }
            });
        }
        for (var digest : missing) {
            var alone = built.gzipped(digest);
            bytes += ROW_OVERHEAD_BYTES + 64 + (alone == null ? 12 : alone.length);
        }
        return bytes;
    }

    private long insertSegment(SegmentPacker.Segment segment) {
        return insertReturningId(connection -> {
            var statement = connection.prepareStatement(
                    "insert into body_segment (data, size_bytes) values (?, ?)", new String[] {"id"});
            statement.setBytes(1, segment.gzip());
            statement.setInt(2, segment.size());
            return statement;
        });
    }

    private long insertReturningId(PreparedStatementCreator insert) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(insert, keys);
        return Objects.requireNonNull(keys.getKey(), "the insert returns the generated id")
                .longValue();
    }

    private Set<String> existingDigests(Set<String> candidates) {
        var existing = new HashSet<String>();
        var list = new ArrayList<>(candidates);
        for (int from = 0; from < list.size(); from += BATCH) {
            var batch = list.subList(from, Math.min(from + BATCH, list.size()));
            var placeholders = String.join(",", Collections.nCopies(batch.size(), "?"));
            existing.addAll(jdbc.queryForList(
                    "select digest from resource_body where digest in (" + placeholders + ")",
                    String.class,
                    batch.toArray()));
        }
        return existing;
    }

    private long insertRows(long clusterId, long snapshotId, List<SnapshotBuilder.Entry> inserts) {
        jdbc.batchUpdate("""
                insert into resource_state (cluster_id, api_group, api_version, kind, namespace, name, uid, digest,
                    controlled, valid_from, valid_to, read_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)
                """, inserts, BATCH, (statement, entry) -> {
            statement.setLong(1, clusterId);
            statement.setString(2, entry.key().group());
            statement.setString(3, entry.apiVersion());
            statement.setString(4, entry.key().kind());
            statement.setString(5, entry.key().namespace());
            statement.setString(6, entry.key().name());
            statement.setString(7, entry.uid().isEmpty() ? null : entry.uid());
            statement.setString(8, entry.digest());
            statement.setBoolean(9, entry.controlled());
            statement.setLong(10, snapshotId);
            statement.setString(11, entry.readVersion());
        });
        return inserts.stream()
                .mapToLong(e -> ROW_OVERHEAD_BYTES
                        + e.apiVersion().length()
                        + e.key().kind().length()
                        + e.key().namespace().length()
                        + e.key().name().length()
                        + e.uid().length()
                        + 64)
                .sum();
    }

    private void closeRows(List<Long> rowIds, long lastValidSnapshot) {
        jdbc.batchUpdate("update resource_state set valid_to = ? where id = ?", rowIds, BATCH, (statement, id) -> {
            statement.setLong(1, lastValidSnapshot);
            statement.setLong(2, id);
        });
    }

    /**
     * An unchanged object read again at a newer version or by a newer normaliser, or by a read that
     * records none (an API server whose version changed while it was read).
     */
    private record Reread(long rowId, @Nullable String readVersion) {}

    /** Its row then records this read, so that the next collection keeps the object only by it. */
    private void recordReads(List<Reread> rereads) {
        jdbc.batchUpdate(
                "update resource_state set read_version = ? where id = ?", rereads, BATCH, (statement, reread) -> {
                    statement.setString(1, reread.readVersion());
                    statement.setLong(2, reread.rowId());
                });
    }

    private void insertMissingKinds(long snapshotId, List<MissingKind> missing) {
        jdbc.batchUpdate(
                "insert into snapshot_missing_kind (snapshot_id, kind, reason) values (?, ?, ?)",
                missing,
                BATCH,
                (statement, kind) -> {
                    statement.setLong(1, snapshotId);
                    statement.setString(2, kind.kind());
                    statement.setString(3, truncate(kind.reason(), 1000));
                });
    }

    private void insertIssues(long snapshotId, List<ManifestIssue> issues) {
        jdbc.batchUpdate(
                "insert into snapshot_issue (snapshot_id, level, source, message) values (?, ?, ?, ?)",
                issues,
                BATCH,
                (statement, issue) -> {
                    statement.setLong(1, snapshotId);
                    statement.setString(2, issue.level().name());
                    statement.setString(3, truncate(issue.source(), 1000));
                    statement.setString(4, truncate(issue.message(), 2000));
                });
    }

    static String digestOf(List<SnapshotBuilder.Entry> entries) {
        var sorted = entries.toArray(SnapshotBuilder.Entry[]::new);
        Arrays.sort(sorted, (a, b) -> a.key().compareTo(b.key()));
        var sha = CanonicalJson.sha256Digest();
        var line = new StringBuilder(160);
        for (int i = 0; i < sorted.length; i++) {
            var e = sorted[i];
            line.setLength(0);
            if (i > 0) {
                line.append('\n');
            }
            line.append(e.key().group()).append('/').append(e.key().kind()).append('/');
            line.append(e.key().namespace())
                    .append('/')
                    .append(e.key().name())
                    .append('@')
                    .append(e.digest());
            sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
