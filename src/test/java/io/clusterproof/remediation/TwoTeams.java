package io.clusterproof.remediation;

import static org.awaitility.Awaitility.await;

import io.clusterproof.access.NewUser;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.AsAdmin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A cluster with one failing Deployment in namespace {@code shop} (team payments) and one in
 * {@code vault} (team records), and engineer accounts of both teams: pia and paul (payments), rex
 * (records), nobody (no team).
 */
public record TwoTeams(ClusterSummary cluster, ItemSummary payments, ItemSummary records) {

    public static final String PASSWORD = "Tangerine-Harbour-Ledger-83";

    public static TwoTeams collect(TestClusters clusters, UserService users, RemediationService remediation, Path dir)
            throws IOException {
        account(users, "iso-pia", "payments");
        account(users, "iso-paul", "payments");
        account(users, "iso-rex", "records");
        account(users, "iso-nobody", null);
        Files.writeString(dir.resolve("teams.yaml"), namespace("shop", "payments") + namespace("vault", "records"));
        var cluster = clusters.manifests("two-teams", dir);
        clusters.latestAssessment(clusters.collect(cluster).snapshotId());
        return new TwoTeams(cluster, awaitItem(remediation, cluster, "shop"), awaitItem(remediation, cluster, "vault"));
    }

    private static void account(UserService users, String username, @Nullable String team) {
        if (users.find(username).isEmpty()) {
            AsAdmin.admin(() -> users.create(new NewUser(username, "", PASSWORD, Role.ENGINEER, team)));
        }
    }

    private static ItemSummary awaitItem(RemediationService remediation, ClusterSummary cluster, String namespace) {
        var key = new ResourceKey("apps", "Deployment", namespace, "api");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> remediation
                        .find(cluster.id(), "privileged-container", key)
                        .isPresent());
        return remediation.find(cluster.id(), "privileged-container", key).orElseThrow();
    }

    private static String namespace(String name, String team) {
        return """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %1$s
                  labels: {team: %2$s}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: %1$s}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      containers:
                        - name: api
                          image: registry.example/api:1
                          securityContext: {privileged: true}
                ---
                """.formatted(name, team);
    }
}
