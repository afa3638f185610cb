package io.clusterproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** Scheduled exports: due runs produce packs in the locker, every run is recorded, changes are audited. */
@IntegrationTest
class EvidenceScheduleTest {

    @Autowired
    DemoEvidence demo;

    @Autowired
    EvidenceSchedules schedules;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceScheduler scheduler;

    @Autowired
    ScheduleStore store;

    @Autowired
    AuditLog auditLog;

    @Test
    void a_due_schedule_stores_one_pack_per_framework_in_the_locker_and_records_each_run() {
        var schedule = AsAdmin.admin(() -> schedules.create(definition(List.of(DemoEvidence.PCI, "gdpr"), List.of())));
        store.setNextRun(schedule.id(), Instant.now().minusSeconds(60));

        scheduler.startDueRuns();

        var runs = await("the scheduled runs")
                .atMost(Duration.ofSeconds(120))
                .until(
                        () -> store.runsOf(schedule.id()),
                        r -> r.size() == 2 && r.stream().allMatch(run -> run.finishedAt() != null));
        assertThat(runs).extracting(ScheduleRun::frameworkId).containsExactlyInAnyOrder(DemoEvidence.PCI, "gdpr");
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo(ScheduleRun.Status.SUCCEEDED);
            assertThat(run.trigger()).isEqualTo("SCHEDULE");
            assertThat(run.delivery()).isNull();
            var pack = AsAdmin.as("test-auditor", "AUDITOR", () -> evidence.pack(run.packId()))
                    .orElseThrow();
            assertThat(pack.scheduleId()).isEqualTo(schedule.id());
            assertThat(pack.frameworkId()).isEqualTo(run.frameworkId());
            assertThat(pack.generatedBy()).isEqualTo("schedule \"" + schedule.name() + "\"");
            assertThat(pack.clusters()).containsExactly(demo.cluster().name());
            assertThat(pack.to())
                    .isEqualTo(pack.generatedAt().atZone(ZoneOffset.UTC).toLocalDate());
            // a pack labelled 7 days covers exactly 7 calendar days, both ends included
            assertThat(java.time.temporal.ChronoUnit.DAYS.between(pack.from(), pack.to()) + 1)
                    .isEqualTo(7);
            assertThat(pack.retainUntil()).isEqualTo(pack.generatedAt().plus(Duration.ofDays(30)));
        });
        var next = store.find(schedule.id()).orElseThrow().nextRunAt();
        assertThat(next).isAfter(Instant.now());
    }

    @Test
    void a_pack_for_recipients_without_an_smtp_server_is_stored_and_the_failed_delivery_recorded() {
        var schedule = AsAdmin.admin(
                () -> schedules.create(definition(List.of("gdpr"), List.of("auditor@northwind.example"))));

        AsAdmin.admin(() -> schedules.runNow(schedule.id()));

        var run = await("the manual run")
                .atMost(Duration.ofSeconds(120))
                .until(
                        () -> store.runsOf(schedule.id()),
                        r -> r.size() == 1 && r.get(0).finishedAt() != null)
                .get(0);
        assertThat(run.status()).isEqualTo(ScheduleRun.Status.DELIVERY_FAILED);
        assertThat(run.trigger()).isEqualTo("MANUAL");
        assertThat(run.packId()).isNotNull();
        assertThat(run.delivery()).contains("auditor@northwind.example").contains("no SMTP server is configured");
    }

    @Test
    void a_run_for_a_cluster_that_no_longer_exists_is_recorded_as_failed_with_the_reason() {
        var schedule = AsAdmin.admin(() -> schedules.create(definition(List.of("gdpr"), List.of())));
        store.update(
                schedule.id(),
                new ScheduleDefinition(
                        schedule.name(), List.of(999_999L), List.of("gdpr"), "0 0 6 * * MON", 7, 30, List.of(), true),
                null);

        AsAdmin.admin(() -> schedules.runNow(schedule.id()));

        var run = await("the failed run")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> store.runsOf(schedule.id()),
                        r -> r.size() == 1 && r.get(0).finishedAt() != null)
                .get(0);
        assertThat(run.status()).isEqualTo(ScheduleRun.Status.FAILED);
        assertThat(run.message()).contains("Cluster 999999 does not exist");
        assertThat(run.packId()).isNull();
    }

    @Test
    void a_new_schedule_defaults_to_mondays_at_six_and_every_change_is_audited() {
        var defaults = AsAdmin.admin(() -> schedules.defaults());
        assertThat(defaults.cron()).isEqualTo("0 0 6 * * MON");
        assertThat(defaults.periodDays()).isEqualTo(7);

        var name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        var created = AsAdmin.admin(() -> schedules.create(new ScheduleDefinition(
                name, List.of(demo.cluster().id()), List.of("gdpr"), defaults.cron(), 7, 90, List.of(), true)));
        var next = created.nextRunAt().atZone(ZoneOffset.UTC);
        assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(next.getHour()).isEqualTo(6);
        AsAdmin.admin(() -> schedules.update(
                created.id(),
                new ScheduleDefinition(
                        name, List.of(demo.cluster().id()), List.of("gdpr"), "0 0 7 * * *", 7, 90, List.of(), false)));
        AsAdmin.admin(() -> schedules.delete(created.id()));

        var actions = AsAdmin.admin(() -> auditLog.find(
                        new AuditQuery(null, null, "evidence-schedule", null, null, name), PageRequest.of(0, 50)))
                .getContent()
                .stream()
                .filter(e -> name.equals(e.targetId()))
                .map(e -> e.action())
                .toList();
        assertThat(actions)
                .containsExactlyInAnyOrder(
                        "EVIDENCE_SCHEDULE_CREATED", "EVIDENCE_SCHEDULE_CHANGED", "EVIDENCE_SCHEDULE_DELETED");
        assertThat(store.find(created.id())).isEmpty();
    }

    @Test
    void a_schedule_over_more_clusters_than_one_export_covers_is_refused_when_saved_not_at_its_first_run() {
        var many = java.util.stream.LongStream.rangeClosed(1, ExportRequest.MAX_CLUSTERS + 1)
                .boxed()
                .toList();
        var definition = new ScheduleDefinition(
                "fleet-" + UUID.randomUUID().toString().substring(0, 8),
                many,
                List.of("gdpr"),
                "0 0 6 * * MON",
                7,
                90,
                List.of(),
                true);
        assertThatThrownBy(() -> AsAdmin.admin(() -> schedules.create(definition)))
                .isInstanceOf(InvalidExportException.class)
                .hasMessageContaining("Choose at most 100 clusters");
    }

    private ScheduleDefinition definition(List<String> frameworks, List<String> recipients) {
        return new ScheduleDefinition(
                "weekly-" + UUID.randomUUID().toString().substring(0, 8),
                List.of(demo.cluster().id()),
                frameworks,
                "0 0 6 * * MON",
                7,
                30,
                recipients,
                true);
    }
}
