package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every entry is chained to the one before it; a row changed behind the application's back is found. */
@IntegrationTest
class AuditChainTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditChainLinker linker;

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
