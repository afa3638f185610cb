package io.clusterproof.access;

import io.clusterproof.base.SqlTime;
import jakarta.annotation.PreDestroy;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds the committed entries that have no link yet to the end of the audit chain, in id order, in
 * one short transaction that holds the chain's head row: linkers take turns, writers of entries
 * never wait. A writer only asks for a link after its transaction commits; one background thread
 * does the linking on a connection of its own, so a writer never holds two connections at once
 * (forty parallel writers would otherwise starve the pool) and the chain trails the log by moments
 * only. Verification links whatever is still pending first.
 */
@Component
class AuditChainLinker {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainLinker.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    AuditChainLinker(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        var thread = new Thread(task, "audit-chain-linker");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean requested = new AtomicBoolean();

    /**
     * Asks the background thread to link what is pending; returns at once. Requests that arrive
     * while one waits are served by it.
     */
    void requestLink() {
        if (requested.compareAndSet(false, true)) {
            worker.execute(() -> {
                requested.set(false);
                try {
                    linkPending();
                } catch (DataAccessException e) {
                    // nothing is lost: the entries stay unlinked until the next write or verification links them
                    LOG.warn("Could not extend the audit chain now; the next audit write retries: {}", e.getMessage());
                }
            });
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * Links every pending entry now, in the caller's thread, a batch per transaction of its own.
     * The first batch looks from the start of the log; each next one from past the last entry
     * linked, so linking a hundred thousand entries reads the log once, not once per batch. An
     * entry whose transaction commits while this runs, with an id below that point, is linked by the
     * run its own writer asks for on commit.
     */
    void linkPending() {
        var after = new long[] {Long.MIN_VALUE};
        Integer linked;
        do {
            linked = transaction.execute(status -> linkBatch(after));
        } while (linked != null && linked == BATCH);
    }

    /** Links up to {@link #BATCH} entries with ids above {@code after[0]}, and moves it past the last one. */
    private int linkBatch(long[] after) {
        var head = jdbc.queryForMap("select seq, entry_hash from audit_chain_head where id = 1 for update");
        var seq = new long[] {((Number) Objects.requireNonNull(head.get("seq"), "audit_chain_head.seq")).longValue()};
        var previous = new String[] {String.valueOf(head.get("entry_hash"))};
        var count = new int[] {0};
        jdbc.query(
                "select e.id, e.occurred_at, e.actor, e.action, e.target_type, e.target_id, e.before_state,"
                        + " e.after_state, e.detail from audit_entry e where e.id > ? and not exists"
                        + " (select 1 from audit_chain c where c.entry_id = e.id) order by e.id fetch first "
                        + BATCH + " rows only",
                rs -> {
                    after[0] = rs.getLong(1);
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
                },
                after[0]);
        if (count[0] > 0) {
            jdbc.update("update audit_chain_head set seq = ?, entry_hash = ? where id = 1", seq[0], previous[0]);
        }
        return count[0];
    }
}
