package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The bodies an agent uploads, kept until its push is committed. */
@IntegrationTest
class AgentStagingTest {

    @Autowired
    TestClusters clusters;

    @Autowired
    AgentService agents;

    @Autowired
    AgentRegistry registry;

    @Autowired
    AgentStaging staging;

    @Autowired
    AbandonedPushSweep sweep;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * An agent whose upload timed out sends the batch again, perhaps to another instance, while the
     * first attempt is still being stored: both read the staged digests before either commits, and
     * both stage the same bodies. The second used to fail on the key with a 500.
     */
    @Test
    void a_body_staged_by_two_attempts_at_one_upload_is_kept_once_and_neither_fails() {
        var cluster = clusters.agent("staging-retry");
        var token = AsAdmin.admin(() -> agents.createRegistration(cluster.id(), null))
                .token();
        var registered =
                agents.register(token, AgentKeys.encode(AgentKeys.generate().getPublic()));
        var credentialId = registry.credential(AgentService.hash(registered.credential()))
                .orElseThrow()
                .id();
        var body = CanonicalJson.gzip("{\"kind\":\"ConfigMap\"}".getBytes(StandardCharsets.UTF_8));
        var digest = "d".repeat(64);

        staging.stage(credentialId, digest, body, 20);
        staging.stage(credentialId, digest, body, 20);

        assertThat(staging.stagedDigests(credentialId)).containsExactly(digest);
        assertThat(staging.staged(credentialId, java.util.Set.of(digest))
                        .get(digest)
                        .body())
                .isEqualTo(body);
    }

    @Test
    void revoking_an_agent_drops_its_unfinished_push_and_the_bodies_it_staged() {
        var agent = registered("staging-revoked");
        var pushId = staging.start(agent.clusterId(), agent.credentialId(), manifest(agent, "a"), "sig", Instant.now());
        staging.stage(agent.credentialId(), digest("a"), BODY, 20);

        AsAdmin.admin(() -> agents.revoke(agent.clusterId()));

        assertThat(staging.stagedDigests(agent.credentialId())).isEmpty();
        assertThat(staging.push(pushId)).isEmpty();
    }

    @Test
    void registering_again_drops_what_the_replaced_agent_staged() {
        var agent = registered("staging-replaced");
        var pushId = staging.start(agent.clusterId(), agent.credentialId(), manifest(agent, "a"), "sig", Instant.now());
        staging.stage(agent.credentialId(), digest("a"), BODY, 20);

        register(agent.clusterId());

        assertThat(staging.stagedDigests(agent.credentialId())).isEmpty();
        assertThat(staging.push(pushId)).isEmpty();
    }

    @Test
    void a_new_offer_drops_the_staged_bodies_its_manifest_does_not_name() {
        var agent = registered("staging-superseded");
        staging.start(agent.clusterId(), agent.credentialId(), manifest(agent, "a", "b"), "sig", Instant.now());
        staging.stage(agent.credentialId(), digest("a"), BODY, 20);
        staging.stage(agent.credentialId(), digest("b"), BODY, 20);

        staging.start(agent.clusterId(), agent.credentialId(), manifest(agent, "a", "c"), "sig", Instant.now());

        assertThat(staging.stagedDigests(agent.credentialId())).containsExactly(digest("a"));
    }

    @Test
    void pushes_not_committed_within_a_week_are_dropped_with_their_staged_bodies_and_audited() {
        var silent = registered("staging-silent");
        var abandoned = staging.start(
                silent.clusterId(),
                silent.credentialId(),
                manifest(silent, "a"),
                "sig",
                Instant.now().minus(Duration.ofDays(8)));
        staging.stage(silent.credentialId(), digest("a"), BODY, 20);
        var busy = registered("staging-busy");
        var recent = staging.start(
                busy.clusterId(),
                busy.credentialId(),
                manifest(busy, "b"),
                "sig",
                Instant.now().minus(Duration.ofDays(1)));
        staging.stage(busy.credentialId(), digest("b"), BODY, 20);

        sweep.sweep();

        assertThat(staging.push(abandoned)).isEmpty();
        assertThat(staging.stagedDigests(silent.credentialId())).isEmpty();
        assertThat(staging.push(recent)).isPresent();
        assertThat(staging.stagedDigests(busy.credentialId())).containsExactly(digest("b"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'AGENT_PUSHES_ABANDONED'", Integer.class))
                .isPositive();
    }

    private static final byte[] BODY = CanonicalJson.gzip("{\"kind\":\"ConfigMap\"}".getBytes(StandardCharsets.UTF_8));

    private record Registered(long clusterId, long credentialId) {}

    private Registered registered(String name) {
        var cluster = clusters.agent(name);
        return new Registered(cluster.id(), register(cluster.id()));
    }

    /** Registers an agent for the cluster; returns its credential's id. */
    private long register(long clusterId) {
        var token =
                AsAdmin.admin(() -> agents.createRegistration(clusterId, null)).token();
        var registered =
                agents.register(token, AgentKeys.encode(AgentKeys.generate().getPublic()));
        return registry.credential(AgentService.hash(registered.credential()))
                .orElseThrow()
                .id();
    }

    private static AgentManifest manifest(Registered agent, String... names) {
        var objects = java.util.Arrays.stream(names)
                .map(n -> new AgentManifest.Entry("", "ConfigMap", "ns", n, "v1", "uid-" + n, false, digest(n)))
                .toList();
        return new AgentManifest(agent.clusterId(), Instant.now(), "v1.31.2", List.of(), objects);
    }

    private static String digest(String name) {
        return CanonicalJson.sha256(name);
    }
}
