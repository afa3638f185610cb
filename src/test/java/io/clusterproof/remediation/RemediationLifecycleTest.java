package io.clusterproof.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clusterproof.access.AuditLog;
import io.clusterproof.access.AuditQuery;
import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.base.InvalidInputException;
import io.clusterproof.base.NotPermittedException;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.CollectionService;
import io.clusterproof.snapshot.Provenance;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import io.clusterproof.support.ShopManifests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Items follow the evidence: opened by a failure, resolved by a pass, reopened, waived, expired. */
@IntegrationTest
class RemediationLifecycleTest {

    static final String CHECK = "privileged-container";
    static final ResourceKey API = new ResourceKey("apps", "Deployment", "shop", "api");

    @Autowired
    TestClusters clusters;

    @Autowired
    RemediationService remediation;

    @Autowired
    WaiverService waivers;

    @Autowired
    AttestationService attestations;

    @Autowired
    AssessmentQueries assessments;

    @Autowired
    CollectionService collections;

    @Autowired
    SnapshotReader snapshots;

    @Autowired
    AuditLog auditLog;

    @Autowired
    UserService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Catalog catalog;

    @TempDir
    Path dir;

    private ClusterSummary cluster;

    @BeforeEach
    void cluster() throws IOException {
        if (users.find("eddie").isEmpty()) {
            AsAdmin.admin(() -> users.create(
                    new NewUser("eddie", "Eddie", "Tangerine-Harbour-Ledger-83", Role.ENGINEER, "payments")));
        }
        write(true);
        cluster = clusters.manifests("remediation", dir);
    }

    @Test
    void a_failing_deployment_is_one_item_however_many_replicas_it_has() {
        collect();

        var item = awaitItem(ItemStatus.OPEN);

        assertThat(item.team()).isEqualTo("payments");
        assertThat(item.severity().name()).isEqualTo("CRITICAL");
        assertThat(item.dueAt()).isEqualTo(item.createdAt().plus(Duration.ofDays(7)));
        var podItems = jdbc.queryForObject(
                "select count(*) from remediation_item where cluster_id = ? and kind = 'Pod'",
                Integer.class,
                cluster.id());
        assertThat(podItems).isZero();
        assertThat(remediation.history(item.id()))
                .extracting(ItemHistoryEntry::kind)
                .containsExactly("CREATED");
    }

    @Test
    void an_item_resolves_only_when_an_assessment_shows_it_passing_and_reopens_when_it_fails_again()
            throws IOException {
        collect();
        var item = awaitItem(ItemStatus.OPEN);
        asEngineer(() -> remediation.markFixed(item.id(), "removed privileged"));
        assertThat(remediation.get(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.PENDING_VERIFICATION);

        write(false);
        collect();
        awaitItem(ItemStatus.RESOLVED);

        write(true);
        collect();
        var reopened = awaitItem(ItemStatus.REOPENED);
        assertThat(remediation.history(reopened.id()))
                .extracting(ItemHistoryEntry::toStatus)
                .containsSubsequence(
                        ItemStatus.OPEN, ItemStatus.PENDING_VERIFICATION, ItemStatus.RESOLVED, ItemStatus.REOPENED);
        assertThat(remediation.history(reopened.id()))
                .filteredOn(h -> h.toStatus() == ItemStatus.RESOLVED)
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.actor()).isEqualTo("assessment");
                    assertThat(h.text()).startsWith("passes in assessment #");
                });
    }

    @Test
    void a_claimed_fix_that_does_not_show_reopens_the_item() {
        collect();
        var item = awaitItem(ItemStatus.OPEN);
        asEngineer(() -> remediation.markFixed(item.id(), "should be fine now"));

        collect();

        var reopened = awaitItem(ItemStatus.REOPENED);
        assertThat(lastHistoryText(reopened)).contains("the fix did not show");
    }

    @Test
    void an_overdue_item_is_flagged_and_found_by_the_overdue_filter() {
        collect();
        var item = awaitItem(ItemStatus.OPEN);
        jdbc.update("update remediation_item set due_at = created_at - interval '1' day where id = ?", item.id());

        assertThat(remediation.get(item.id()).orElseThrow().overdue()).isTrue();
        var overdue = remediation.page(new ItemFilter(cluster.id(), null, null, null, true, null), Pageable.ofSize(10));
        assertThat(overdue.getContent()).extracting(ItemSummary::id).containsExactly(item.id());
        assertThat(remediation.figures(cluster.id()))
                .filteredOn(f -> f.team().equals("payments"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.overdue()).isEqualTo(1);
                    assertThat(f.openBySeverity().get("critical")).isEqualTo(1);
                });
    }

    @Test
    void an_approved_waiver_accepts_the_risk_until_it_expires() {
        collect();
        var item = awaitItem(ItemStatus.OPEN);
        var waiver = asEngineer(
                () -> waivers.request(request(Clock.systemUTC().instant().plus(Duration.ofDays(30)))));

        AsAdmin.as("officer-b", "OFFICER", () -> waivers.approve(waiver.id(), "compensated by node isolation"));

        awaitItem(ItemStatus.RISK_ACCEPTED);
        var latest = assessments.latest(cluster.id()).orElseThrow();
        assertThat(assessments.finding(latest.id(), CHECK, API).orElseThrow().status())
                .isEqualTo(FindingStatus.WAIVED);
        assertThat(waivers.uses(waivers.get(waiver.id()).orElseThrow())).isEqualTo(1);

        jdbc.update("update waiver set expires_at = requested_at where id = ?", waiver.id());
        collect();

        var reopened = awaitItem(ItemStatus.REOPENED);
        assertThat(lastHistoryText(reopened)).contains("no waiver covers it");
        assertThat(waivers.report(WaiverService.Report.EXPIRED))
                .extracting(WaiverSummary::id)
                .contains(waiver.id());
        assertThat(item.id()).isEqualTo(reopened.id());
    }

    @Test
    void history_reads_in_the_order_things_happened_when_a_waiver_reassesses_an_older_snapshot() {
        collect();
        var item = awaitItem(ItemStatus.OPEN);
        asEngineer(() -> remediation.start(item.id()));
        var waiver = asEngineer(
                () -> waivers.request(request(Clock.systemUTC().instant().plus(Duration.ofDays(30)))));

        // the approval re-assesses the snapshot taken before the engineer started work
        AsAdmin.as("officer-h", "OFFICER", () -> waivers.approve(waiver.id(), "compensated by node isolation"));
        awaitItem(ItemStatus.RISK_ACCEPTED);

        var history = remediation.history(item.id());
        assertThat(history)
                .extracting(ItemHistoryEntry::toStatus)
                .containsExactly(ItemStatus.OPEN, ItemStatus.IN_PROGRESS, ItemStatus.RISK_ACCEPTED);
        assertThat(history)
                .extracting(ItemHistoryEntry::occurredAt)
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());
        assertThat(history.get(2).text()).contains("of the snapshot taken");
    }

    @Test
    void a_requester_cannot_approve_their_own_waiver() {
        var waiver = AsAdmin.as(
                "dual-role",
                "ENGINEER",
                () -> waivers.request(request(Clock.systemUTC().instant().plus(Duration.ofDays(10)))));

        assertThatThrownBy(() -> AsAdmin.as("dual-role", "OFFICER", () -> waivers.approve(waiver.id(), null)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("another officer must decide it");
        assertThat(waivers.get(waiver.id()).orElseThrow().status()).isEqualTo(WaiverStatus.REQUESTED);
    }

    @Test
    void a_waiver_needs_a_justification_a_ticket_and_a_bounded_expiry() {
        var now = Clock.systemUTC().instant();
        assertThatThrownBy(() -> asEngineer(() -> waivers.request(new WaiverRequest(
                        CHECK, cluster.id(), "shop", null, null, "too short", "JIRA-1", now.plus(Duration.ofDays(5))))))
                .hasMessageContaining("at least 20 characters");
        assertThatThrownBy(() -> asEngineer(() -> waivers.request(request(now.plus(Duration.ofDays(400))))))
                .hasMessageContaining("at most 180 days");
        assertThatThrownBy(() -> asEngineer(() -> waivers.request(request(now.minus(Duration.ofDays(1))))))
                .hasMessageContaining("expiry in the future");
    }

    @Test
    void roles_are_enforced_on_every_change() {
        collect();
        var item = awaitItem(ItemStatus.OPEN);

        assertThatThrownBy(() -> AsAdmin.as("aud", "AUDITOR", () -> remediation.start(item.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsAdmin.as(
                        "aud",
                        "AUDITOR",
                        () -> waivers.request(
                                request(Clock.systemUTC().instant().plus(Duration.ofDays(5))))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsAdmin.as("eng", "ENGINEER", () -> waivers.approve(1L, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsAdmin.as(
                        "eng",
                        "ENGINEER",
                        () -> attestations.record(
                                "pci-dss-4.0",
                                "12.10.1",
                                AttestationScope.organisation(),
                                "statement here",
                                "https://docs.example/irp",
                                null,
                                null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void links_that_are_not_web_addresses_are_refused_for_tickets_waivers_and_evidence() {
        collect();
        var item = awaitItem(ItemStatus.OPEN);
        var now = Clock.systemUTC().instant();
        for (var link : java.util.List.of("javascript:alert(document.domain)", "data:text/html,<b>x</b>", "JIRA-1")) {
            assertThatThrownBy(() -> asEngineer(() -> remediation.linkTicket(item.id(), link)))
                    .as(link)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("https://");
            var waiver = new WaiverRequest(
                    CHECK,
                    cluster.id(),
                    "shop",
                    "Deployment",
                    "api*",
                    "The agent needs raw device access until the vendor ships a fix.",
                    link,
                    now.plus(Duration.ofDays(5)));
            assertThatThrownBy(() -> asEngineer(() -> waivers.request(waiver)))
                    .as(link)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field())
                    .isEqualTo("ticketUrl");
            assertThatThrownBy(() -> AsAdmin.as(
                            "officer-l",
                            "OFFICER",
                            () -> attestations.record(
                                    "pci-dss-4.0",
                                    "12.10.1",
                                    AttestationScope.organisation(),
                                    "The incident response plan was tested in October.",
                                    link,
                                    null,
                                    null)))
                    .as(link)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field())
                    .isEqualTo("evidenceUrl");
        }
        assertThat(asEngineer(() -> remediation.linkTicket(item.id(), " https://tickets.example/SEC-7 "))
                        .ticketUrl())
                .isEqualTo("https://tickets.example/SEC-7");
    }

    @Test
    void an_officer_whose_account_the_requester_created_may_not_approve_the_requesters_waiver() {
        collect();
        var suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        var admin = "sod-admin-" + suffix;
        var puppet = "sod-officer-" + suffix;
        AsAdmin.as(
                admin,
                "ADMIN",
                () -> users.create(new NewUser(puppet, "", "a long enough passphrase", Role.OFFICER, null)));
        var waiver = AsAdmin.as(
                admin,
                "ADMIN",
                () -> waivers.request(request(Clock.systemUTC().instant().plus(Duration.ofDays(5)))));

        assertThatThrownBy(() -> AsAdmin.as(puppet, "OFFICER", () -> waivers.approve(waiver.id(), "fine")))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("requested by " + admin + ", who created the account " + puppet)
                .hasMessageContaining("clusterproof.remediation.separation-days");
        var refusals = AsAdmin.admin(() -> auditLog.find(
                        new AuditQuery(puppet, "WAIVER_APPROVAL_REFUSED", "waiver", null, null, null),
                        Pageable.ofSize(5))
                .getContent());
        assertThat(refusals)
                .singleElement()
                .satisfies(r -> assertThat(r.targetId()).isEqualTo(String.valueOf(waiver.id())));

        var approved = AsAdmin.as("independent-officer", "OFFICER", () -> waivers.approve(waiver.id(), "ok"));
        assertThat(approved.status()).isEqualTo(WaiverStatus.APPROVED);
    }

    @Test
    void every_change_to_an_item_or_waiver_is_audited() {
        collect();
        var item = awaitItem(ItemStatus.OPEN);
        asEngineer(() -> remediation.start(item.id()));
        asEngineer(() -> remediation.assign(item.id(), "eddie"));
        asEngineer(() -> remediation.linkTicket(item.id(), "https://tickets.example/SEC-42"));
        asEngineer(() -> remediation.comment(item.id(), "looking into it"));
        AsAdmin.as("officer-t", "OFFICER", () -> remediation.changeTeam(item.id(), "records", "records owns it"));
        var waiver = asEngineer(
                () -> waivers.request(request(Clock.systemUTC().instant().plus(Duration.ofDays(5)))));
        AsAdmin.as("officer-c", "OFFICER", () -> waivers.reject(waiver.id(), "not acceptable"));

        var itemActions = AsAdmin.admin(() -> auditLog.find(
                        new AuditQuery(null, null, "remediation-item", null, null, String.valueOf(item.id())),
                        Pageable.ofSize(200)))
                .getContent()
                .stream()
                .filter(e -> String.valueOf(item.id()).equals(e.targetId()))
                .map(e -> e.action())
                .toList();
        assertThat(itemActions)
                .contains(
                        "REMEDIATION_ITEM_CREATED",
                        "REMEDIATION_ITEM_STATUS",
                        "REMEDIATION_ITEM_ASSIGNED",
                        "REMEDIATION_ITEM_TEAM",
                        "REMEDIATION_ITEM_TICKET",
                        "REMEDIATION_ITEM_COMMENT");
        var waiverActions = AsAdmin.admin(() -> auditLog.find(
                        new AuditQuery(null, null, "waiver", null, null, String.valueOf(waiver.id())),
                        Pageable.ofSize(200)))
                .getContent()
                .stream()
                .filter(e -> String.valueOf(waiver.id()).equals(e.targetId()))
                .map(e -> e.action())
                .toList();
        assertThat(waiverActions).containsExactlyInAnyOrder("WAIVER_REQUESTED", "WAIVER_REJECTED");
        assertThat(remediation.get(item.id()).orElseThrow().team()).isEqualTo("records");
    }

    @Test
    void the_csv_export_lists_the_filtered_items_and_defuses_formulas() throws IOException {
        collect();
        var item = awaitItem(ItemStatus.OPEN);
        AsAdmin.admin(() -> remediation.changeTeam(item.id(), "=HYPERLINK(\"http://evil.example\")", null));

        var out = new java.io.StringWriter();
        AsAdmin.as("aud", "AUDITOR", () -> {
            remediation.exportCsv(new ItemFilter(cluster.id(), null, null, null, false, null), out);
            return null;
        });

        var records = org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new java.io.StringReader(out.toString()))
                .getRecords();
        var filter = new ItemFilter(cluster.id(), null, null, null, false, null);
        long total =
                AsAdmin.admin(() -> remediation.page(filter, Pageable.ofSize(1)).getTotalElements());
        assertThat(records).hasSize((int) total);
        assertThat(records)
                .filteredOn(r -> r.get("Item").equals(String.valueOf(item.id())))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get("Team")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
                    assertThat(r.get("Name")).isEqualTo("api");
                    // the cluster as people know it, not its number
                    assertThat(r.get("Cluster")).isEqualTo(cluster.name());
                    // words, as on the board: "Open" and "High", not OPEN and high
                    assertThat(r.get("Status")).isEqualTo("Open");
                    assertThat(r.get("Severity")).matches("[A-Z][a-z]+");
                });
    }

    @Test
    void an_upload_to_a_cluster_with_its_own_source_is_flagged_and_resolves_no_item() throws IOException {
        collect();
        var item = awaitItem(ItemStatus.OPEN);
        write(false);
        var fixed = Files.readAllBytes(dir.resolve("shop.yaml"));

        var run = AsAdmin.as(
                "admin-u",
                "ADMIN",
                () -> collections.upload(cluster.id(), "fixed.yaml", fixed.length, new ByteArrayInputStream(fixed)));
        var uploaded = clusters.latestAssessment(run.snapshotId());
        await().atMost(Duration.ofSeconds(30)).until(() -> remediationCursor() >= uploaded);

        var provenance = snapshots.summary(run.snapshotId()).orElseThrow().provenance();
        assertThat(provenance.kind()).isEqualTo(Provenance.Kind.UPLOAD);
        assertThat(provenance.offSource()).isTrue();
        assertThat(provenance.uploadedBy()).isEqualTo("admin-u");
        assertThat(provenance.fileName()).isEqualTo("fixed.yaml");
        assertThat(provenance.sha256()).isEqualTo(CanonicalJson.sha256(fixed));
        assertThat(provenance.describe()).contains("verifies no remediation fix");
        assertThat(remediation.get(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.OPEN);

        collect();
        awaitItem(ItemStatus.RESOLVED);
    }

    private long remediationCursor() {
        var last = jdbc.queryForList(
                "select last_assessment_id from remediation_cursor where cluster_id = ?", Long.class, cluster.id());
        return last.isEmpty() || last.get(0) == null ? 0 : last.get(0);
    }

    @Test
    void an_attestation_makes_its_control_attested_until_it_expires() {
        collect();
        awaitItem(ItemStatus.OPEN);
        var recorded = AsAdmin.as(
                "officer-d",
                "OFFICER",
                () -> attestations.record(
                        "pci-dss-4.0",
                        "12.10.1",
                        AttestationScope.organisation(),
                        "The incident response plan was tested in October.",
                        "https://docs.example/irp",
                        null,
                        null));

        await().atMost(Duration.ofSeconds(30)).until(() -> status("12.10.1") == ControlStatus.ATTESTED);

        jdbc.update("update attestation set expires_at = attested_at where id = ?", recorded.id());
        collect();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("12.10.1") == ControlStatus.NEEDS_ATTESTATION);
        assertThat(attestations.of("pci-dss-4.0", "12.10.1"))
                .first()
                .satisfies(a -> assertThat(a.valid()).isFalse());
    }

    @Test
    void evidence_files_are_checked_and_kept_with_their_digest() {
        var pdf = "%PDF-1.7 test".getBytes();
        var recorded = AsAdmin.as(
                "officer-e",
                "OFFICER",
                () -> attestations.record(
                        "gdpr",
                        attestationRef("gdpr"),
                        AttestationScope.organisation(),
                        "Records of processing were reviewed.",
                        null,
                        new AttestationService.Upload("ropa.pdf", pdf),
                        null));

        assertThat(recorded.evidenceDigest()).isEqualTo(CanonicalJson.sha256(pdf));
        assertThat(attestations.evidence(recorded.id()))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(pdf));
        assertThatThrownBy(() -> AsAdmin.as(
                        "officer-e",
                        "OFFICER",
                        () -> attestations.record(
                                "gdpr",
                                attestationRef("gdpr"),
                                AttestationScope.organisation(),
                                "Records of processing were reviewed.",
                                null,
                                new AttestationService.Upload("fake.pdf", "MZ not a pdf".getBytes()),
                                null)))
                .hasMessageContaining("does not contain what its name says");
        assertThatThrownBy(() -> AsAdmin.as(
                        "officer-e",
                        "OFFICER",
                        () -> attestations.record(
                                "gdpr",
                                attestationRef("gdpr"),
                                AttestationScope.organisation(),
                                "Records of processing were reviewed.",
                                null,
                                new AttestationService.Upload("tool.exe", pdf),
                                null)))
                .hasMessageContaining("evidence must be PDF");
    }

    private String attestationRef(String framework) {
        return catalog.framework(framework).orElseThrow().controls().stream()
                .filter(c -> !c.automated())
                .findFirst()
                .orElseThrow()
                .ref();
    }

    private ControlStatus status(String ref) {
        return assessments
                .latest(cluster.id())
                .flatMap(a -> assessments.control(a.id(), "pci-dss-4.0", ref))
                .map(c -> c.status())
                .orElse(null);
    }

    private WaiverRequest request(Instant expiresAt) {
        return new WaiverRequest(
                CHECK,
                cluster.id(),
                "shop",
                "Deployment",
                "api*",
                "The agent needs raw device access until the vendor ships a fix.",
                "https://tickets.example/RISK-7",
                expiresAt);
    }

    private void collect() {
        clusters.latestAssessment(clusters.collect(cluster).snapshotId());
    }

    private ItemSummary awaitItem(ItemStatus status) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> item().map(i -> i.status() == status).orElse(false));
        return item().orElseThrow();
    }

    private Optional<ItemSummary> item() {
        return remediation.find(cluster.id(), CHECK, API);
    }

    private String lastHistoryText(ItemSummary item) {
        var history = remediation.history(item.id());
        return history.get(history.size() - 1).text();
    }

    private static <T> T asEngineer(Supplier<T> work) {
        return AsAdmin.as("eddie", "ENGINEER", work);
    }

    private void write(boolean privileged) {
        ShopManifests.BEFORE.write(dir, privileged);
    }
}
