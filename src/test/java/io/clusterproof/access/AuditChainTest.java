package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Every entry is chained to the one before it; a row changed behind the application's back is found. */
@IntegrationTest
class AuditChainTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditChainLinker linker;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void new_entries_extend_an_intact_chain_whose_head_is_the_newest_entry() {
        var target = UUID.randomUUID().toString();
        auditLog.recordAs("chain-test", AuditEvent.of("CHAIN_TEST", "test", target));

        var verification = AsAdmin.admin(auditLog::verify);

        assertThat(verification.intact()).as(verification.message()).isTrue();
        assertThat(verification.checked()).isPositive();
        assertThat(auditLog.chainHead())
                .isEqualTo(verification.head())
                .isEqualTo(jdbc.queryForObject(
                        "select c.entry_hash from audit_chain c join audit_entry e on e.id = c.entry_id"
                                + " where e.target_id = ?",
                        String.class,
                        target));
    }

    @Test
    void a_row_changed_with_the_triggers_dropped_is_named_as_the_first_broken_link() {
        var target = UUID.randomUUID().toString();
        auditLog.recordAs(
                "chain-test", AuditEvent.of("CHAIN_TEST", "test", target).withDetail("original"));
        auditLog.recordAs("chain-test", AuditEvent.of("CHAIN_TEST", "test", target + "-next"));
        linker.linkPending();
        var id = jdbc.queryForObject("select id from audit_entry where target_id = ?", Long.class, target);

        withoutUpdateTrigger(() -> jdbc.update("update audit_entry set detail = 'rewritten' where id = ?", id));
        try {
            var verification = AsAdmin.admin(auditLog::verify);

            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBrokenId()).isEqualTo(id);
            assertThat(verification.message())
                    .isEqualTo("The audit chain is broken at entry #" + id + ": entry #" + id
                            + " was changed after it was written.");
        } finally {
            withoutUpdateTrigger(() -> jdbc.update("update audit_entry set detail = 'original' where id = ?", id));
        }
        assertThat(AsAdmin.admin(auditLog::verify).intact()).isTrue();
    }

    @Test
    void an_entry_whose_transaction_commits_after_later_ones_is_linked_by_the_next_run() throws Exception {
        var late = UUID.randomUUID().toString();
        var inserted = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var writer = Executors.newSingleThreadExecutor();
        try {
            // a writer holds its entry (the lower id) uncommitted while more than a batch of later ones commit
            var done = writer.submit(() -> transactions.executeWithoutResult(status -> {
                auditLog.recordAs("chain-test", AuditEvent.of("CHAIN_TEST", "test", late));
                inserted.countDown();
                await(commit);
            }));
            await(inserted);
            for (int i = 0; i < 600; i++) {
                auditLog.recordAs("chain-test", AuditEvent.of("CHAIN_TEST", "test", late + "-after-" + i));
            }
            linker.linkPending();
            commit.countDown();
            done.get(30, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }

        linker.linkPending();

        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_chain c join audit_entry e on e.id = c.entry_id where e.target_id = ?",
                        Integer.class,
                        late))
                .isEqualTo(1);
        var verification = AsAdmin.admin(auditLog::verify);
        assertThat(verification.intact()).as(verification.message()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What an attacker with the schema owner's rights can do: drop the trigger, change, put it back. */
    private void withoutUpdateTrigger(Runnable change) {
        var postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
                .toLowerCase()
                .contains("postgres");
        if (postgres) {
            jdbc.execute("alter table audit_entry disable trigger audit_entry_no_change");
        } else {
            jdbc.execute("drop trigger audit_entry_no_update");
        }
        try {
            change.run();
        } finally {
            if (postgres) {
                jdbc.execute("alter table audit_entry enable trigger audit_entry_no_change");
            } else {
                jdbc.execute("create trigger audit_entry_no_update before update on audit_entry for each row call"
                        + " \"io.clusterproof.access.AppendOnlyTrigger\"");
            }
        }
    }
}
