package io.clusterproof.access;

import io.clusterproof.base.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds the committed entries that have no link yet to the end of the audit chain, in id order, in
 * one short transaction that holds the chain's head row: linkers take turns, writers of entries
 * never wait. Runs after each transaction that wrote an entry, so the chain trails the log by
 * moments only.
 */
@Component
class AuditChainLinker {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    AuditChainLinker(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void linkPending() {
        Integer linked;
        do {
            linked = transaction.execute(status -> linkBatch());
        } while (linked != null && linked == BATCH);
    }

    private int linkBatch() {
        var head = jdbc.queryForMap("select seq, entry_hash from audit_chain_head where id = 1 for update");
        var seq = new long[] {((Number) head.get("seq")).longValue()};
        var previous = new String[] {String.valueOf(head.get("entry_hash"))};
        var count = new int[] {0};
        jdbc.query(
                "select e.id, e.occurred_at, e.actor, e.action, e.target_type, e.target_id, e.before_state,"
                        + " e.after_state, e.detail from audit_entry e where not exists"
                        + " (select 1 from audit_chain c where c.entry_id = e.id) order by e.id fetch first "
                        + BATCH + " rows only",
                rs -> {
                    var hash = AuditChain.hash(
                            previous[0],
                            SqlTime.require(rs, 2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9));
                    seq[0]++;
                    jdbc.update(
                            "insert into audit_chain (seq, entry_id, previous_hash, entry_hash) values (?, ?, ?, ?)",
                            seq[0],
                            rs.getLong(1),
                            previous[0],
                            hash);
                    previous[0] = hash;
                    count[0]++;
                });
        if (count[0] > 0) {
            jdbc.update("update audit_chain_head set seq = ?, entry_hash = ? where id = 1", seq[0], previous[0]);
        }
        return count[0];
    }
}
