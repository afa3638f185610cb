package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.access.Role;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/**
 * The services enforce the roles themselves: auditors, officers and administrators generate and
 * download evidence; only administrators change scheduled exports; engineers do neither.
 */
@IntegrationTest
class EvidenceAccessTest {

    @Autowired
    DemoEvidence demo;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceSchedules schedules;

    @ParameterizedTest
    @EnumSource(Role.class)
    void generating_and_downloading_evidence_is_for_auditors_officers_and_administrators(Role role) {
        var request = demo.request("gdpr");
        var allowed = role != Role.ENGINEER;

        check(allowed, role, () -> evidence.validate(request));
        check(allowed, role, () -> evidence.packs(PageRequest.of(0, 10)));
        check(
                allowed,
                role,
                () -> evidence.write(request, ExportFormat.CONTROLS_CSV, java.io.OutputStream.nullOutputStream()));
        check(allowed, role, () -> evidence.pack(1));
        check(allowed, role, () -> evidence.job(UUID.randomUUID()));
        check(allowed, role, () -> schedules.list());
        check(allowed, role, () -> schedules.runs(PageRequest.of(0, 10)));
        if (!allowed) {
            assertThatThrownBy(() -> AsAdmin.as("someone", role.name(), () -> evidence.createPack(request)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void only_administrators_change_scheduled_exports(Role role) {
        var definition = new ScheduleDefinition(
                "access-" + role.name().toLowerCase() + "-"
                        + UUID.randomUUID().toString().substring(0, 6),
                List.of(demo.cluster().id()),
                List.of("gdpr"),
                "0 0 6 * * MON",
                7,
                30,
                List.of(),
                false);
        if (role == Role.ADMIN) {
            var created = AsAdmin.as("someone", role.name(), () -> schedules.create(definition));
            AsAdmin.as("someone", role.name(), () -> schedules.update(created.id(), definition));
            AsAdmin.as("someone", role.name(), () -> {
                schedules.delete(created.id());
                return null;
            });
            return;
        }
        var existing = AsAdmin.admin(() -> schedules.create(definition));
        assertThatThrownBy(() -> AsAdmin.as("someone", role.name(), () -> schedules.create(definition)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsAdmin.as("someone", role.name(), () -> schedules.update(existing.id(), definition)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsAdmin.as("someone", role.name(), () -> {
                    schedules.delete(existing.id());
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsAdmin.as("someone", role.name(), () -> {
                    schedules.runNow(existing.id());
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(AsAdmin.admin(() -> schedules.list())).anyMatch(s -> s.id() == existing.id());
    }

    private static void check(boolean allowed, Role role, Runnable call) {
        Runnable asRole = () -> AsAdmin.as("someone", role.name(), () -> {
            call.run();
            return null;
        });
        if (allowed) {
            asRole.run();
        } else {
            assertThatThrownBy(asRole::run).as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
    }
}
