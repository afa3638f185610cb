package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.support.AsAdmin;
import io.clusterproof.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
}
