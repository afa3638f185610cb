package io.clusterproof.access;

import io.clusterproof.base.SqlTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the audit chain in order, one row at a time (memory stays flat however long the log is),
 * recomputes each entry's hash and checks each link, then the end against the recorded head. Used
 * by the audit log page and by {@code audit verify}.
 */
@Component
class AuditChainVerifier {

    private final JdbcTemplate jdbc;

    AuditChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String head() {
        return Objects.requireNonNull(
                jdbc.queryForObject("select entry_hash from audit_chain_head where id = 1", String.class));
    }

    @Transactional(readOnly = true)
    AuditVerification verify() {
        // the head first, and the walk up to it: linkers of this or another replica may append while
        // the walk goes on, and links past the head read are not the ones to compare it with
        var head = jdbc.queryForMap("select seq, entry_hash from audit_chain_head where id = 1");
        var headHash = String.valueOf(head.get("entry_hash"));
        var recorded = ((Number) Objects.requireNonNull(head.get("seq"), "audit_chain_head.seq")).longValue();
        var walk = new Walk();
        jdbc.query(
                "select c.seq, c.entry_id, c.previous_hash, c.entry_hash, e.id, e.occurred_at, e.actor, e.action,"
                        + " e.target_type, e.target_id, e.before_state, e.after_state, e.detail"
                        + " from audit_chain c left join audit_entry e on e.id = c.entry_id where c.seq <= ?"
                        + " order by c.seq",
                rs -> {
                    if (walk.brokenAt != null) {
                        return;
                    }
                    var seq = rs.getLong(1);
                    var entryId = rs.getLong(2);
                    if (seq != walk.seq + 1) {
                        walk.broken(entryId, "links before entry #" + entryId + " are missing");
                        return;
                    }
                    if (!rs.getString(3).equals(walk.last)) {
                        walk.broken(entryId, "entry #" + entryId + " does not link to the entry before it");
                        return;
                    }
                    if (rs.getObject(5) == null) {
                        walk.broken(entryId, "entry #" + entryId + " was removed");
                        return;
                    }
                    var expected = AuditChain.hash(
                            walk.last,
                            SqlTime.require(rs, 6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getString(13));
                    if (!expected.equals(rs.getString(4))) {
                        walk.broken(entryId, "entry #" + entryId + " was changed after it was written");
                        return;
                    }
                    walk.last = expected;
                    walk.lastEntry = entryId;
                    walk.seq = seq;
                },
                recorded);
        if (walk.brokenAt == null) {
            if (recorded != walk.seq || !headHash.equals(walk.last)) {
                walk.broken(
                        walk.lastEntry,
                        "the chain ends after " + walk.seq + " links but " + recorded
                                + " were written: links or entries were removed from its end");
            }
        }
        if (walk.brokenAt == null) {
            // links past the head read must be covered by the head now (read after them): a linker
            // moves both in one transaction, so a link no head covers was not added by one
            var lastLink = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_chain", Long.class);
            var headNow = jdbc.queryForObject("select seq from audit_chain_head where id = 1", Long.class);
            if (lastLink != null && headNow != null && lastLink > headNow) {
                walk.broken(
                        walk.lastEntry,
                        "the chain goes on after " + headNow + " links although its head says it ends there");
            }
        }
        if (walk.brokenAt != null) {
            return new AuditVerification(false, walk.seq, walk.brokenAt, headHash, walk.problem);
        }
        var unlinked = jdbc.queryForObject(
                "select count(*) from audit_entry e where not exists"
                        + " (select 1 from audit_chain c where c.entry_id = e.id)",
                Long.class);
        return new AuditVerification(
                true,
                walk.seq,
                null,
                headHash,
                "The audit chain is intact: " + walk.seq + " entries checked"
                        + (unlinked == null || unlinked == 0 ? "" : ", " + unlinked + " newer ones not linked yet")
                        + "; head " + headHash + ".");
    }

    private static final class Walk {
        long seq;
        long lastEntry;
        String last = AuditChain.GENESIS;

        @Nullable
        Long brokenAt;

        String problem = "";

        void broken(long entryId, String reason) {
            brokenAt = entryId;
            problem = "The audit chain is broken at entry #" + entryId + ": " + reason + ".";
        }
    }
}
