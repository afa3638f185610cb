package io.clusterproof.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small shop namespace in three versions, written where a manifest cluster reads it. From
 * {@link #BEFORE} to {@link #AFTER}: the api Deployment scales, changes image, env, ports and
 * volumes and gains a proxy container; the settings ConfigMap changes; legacy is removed, worker
 * added; the pod owned by the api ReplicaSet is replaced; the Service stays as it is. {@link
 * #AFTER_WITH_CHURN} is {@code AFTER} plus fields that change without a configuration change.
 */
public enum ShopManifests {
    BEFORE,
    AFTER,
    AFTER_WITH_CHURN;

    /** Writes this version; {@code privileged} makes the api container privileged (a critical failure). */
    public void write(Path dir, boolean privileged) {
        try {
            Files.writeString(dir.resolve("shop.yaml"), yaml(privileged));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String yaml(boolean privileged) {
        var before = this == BEFORE;
        var churn = this == AFTER_WITH_CHURN;
        var api = before ? """
                        - name: api
                          image: registry.example/api:1
                          env:
                            - {name: MODE, value: production}
                            - {name: LOG_LEVEL, value: info}
                          ports:
                            - {name: http, containerPort: 8080}
                          securityContext: {privileged: %s}
                      volumes:
                        - {name: data, emptyDir: {}}
                """ : """
                        - name: api
                          image: registry.example/api:2
                          env:
                            - {name: MODE, value: staging}
                            - {name: FEATURE_FLAGS, value: checkout-v2}
                          ports:
                            - {name: http, containerPort: 8081}
                          securityContext: {privileged: %s}
                        - name: proxy
                          image: registry.example/proxy:1
                      volumes:
                        - {name: data, emptyDir: {}}
                        - {name: cache, emptyDir: {}}
                """;
        var churnMetadata = churn ? """
                  resourceVersion: "98231"
                  generation: 7
                  annotations:
                    kubectl.kubernetes.io/last-applied-configuration: '{"kind":"Deployment"}'
                    deployment.kubernetes.io/revision: "12"
                  managedFields:
                    - {manager: kubectl, operation: Update, apiVersion: apps/v1}
                """ : "";
        var churnStatus = churn ? """
                status:
                  observedGeneration: 7
                  replicas: 4
                  conditions:
                    - {type: Available, status: "True", lastTransitionTime: "2026-11-20T10:00:00Z"}
                """ : "";
        var namespace = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels: {team: payments, clusterproof.io/scope: cde, clusterproof.io/data-class: cde}
                ---
                """;
        var deployment =
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                  namespace: shop
                  labels: {app: api}
                %s
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      containers:
                %s%s---
                """.formatted(churnMetadata.stripTrailing(), before ? 3 : 4, api.formatted(privileged), churnStatus);
        var legacyOrWorker = before
                ? workload("legacy", "registry.example/legacy:7")
                : workload("worker", "registry.example/worker:1");
        var rest = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: shop}
                data: {checkout: "%s"}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {app: api}
                  ports: [{port: 80, targetPort: 8080}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: shop
                  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-7d, uid: u1, controller: true}]
                spec:
                  containers: [{name: api, image: registry.example/api:1}]
                """.formatted(before ? "v1" : "v2", before ? "api-7d-1" : "api-8f-1");
        return namespace + deployment + legacyOrWorker + rest;
    }

    private static String workload(String name, String image) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: shop}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers:
                        - {name: %s, image: %s}
                ---
                """.formatted(name, name, name, name, image);
    }
}
