package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.AsAdmin;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Writing an audit entry costs its writer one database connection, never two: with one connection
 * left in the pool, every write still goes through and the chain still links every entry. A writer
 * that needed a second connection to extend the chain starved the pool under forty parallel
 * sign-ins, and the sign-ins it starved were neither answered properly nor audited.
 */
@SpringBootTest(
        properties = {"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=3000"
        })
class AuditWriterConnectionTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    DataSource dataSource;

    @Test
    void audit_entries_are_written_and_chained_with_a_single_connection_left_in_the_pool() throws Exception {
        var target = UUID.randomUUID().toString();
        try (var heldElsewhere = dataSource.getConnection()) {
            for (int i = 0; i < 5; i++) {
                auditLog.recordAs("pool-test", AuditEvent.of("POOL_TEST", "test", target + "-" + i));
            }
        }

        var verification = AsAdmin.admin(auditLog::verify);

        assertThat(verification.intact()).as(verification.message()).isTrue();
        assertThat(verification.message()).doesNotContain("not linked yet");
    }
}
