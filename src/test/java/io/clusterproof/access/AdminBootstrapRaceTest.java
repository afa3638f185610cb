package io.clusterproof.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two replicas started together on a new database both find no administrator; the second one's
 * insert of {@code admin} then meets the unique username. That replica must start all the same.
 */
class AdminBootstrapRaceTest {

    private final UserAccountRepository users = mock(UserAccountRepository.class);
    private final AuditLog auditLog = mock(AuditLog.class);

    @Test
    void an_instance_that_loses_the_race_for_the_first_admin_starts_without_creating_one() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(false);
        when(users.save(any())).thenThrow(new DataIntegrityViolationException("uq_user_account_username"));
        var bootstrap = new AdminBootstrap(
                users,
                PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                new AccessProperties("test-admin-passphrase-7", 5, Duration.ofMinutes(15)),
                auditLog,
                mock(PlatformTransactionManager.class),
                Clock.systemUTC());

        assertThatCode(() -> bootstrap.run(new DefaultApplicationArguments())).doesNotThrowAnyException();
        verify(auditLog, never()).record(any());
    }
}
