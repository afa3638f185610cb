package io.clusterproof.assessment;

import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.ObjectNormaliser;
import io.clusterproof.snapshot.ResourceKey;
import java.util.List;
import java.util.Map;

/** Small builders of objects for engine tests. */
final class Objects {

    private Objects() {}

    static AssessedObject namespace(String name, Map<String, String> labels) {
        return of("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"%s","labels":%s}}""".formatted(name, json(labels)));
    }

    static AssessedObject deployment(String namespace, String name, int replicas) {
        return of("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s","namespace":"%s"},
                 "spec":{"replicas":%d,"template":{"metadata":{"labels":{"app":"%2$s"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}""".formatted(name, namespace, replicas));
    }

    static AssessedObject pod(String namespace, String name, String ownerKind) {
        var owner = ownerKind == null ? "" : """
                ,"ownerReferences":[{"apiVersion":"apps/v1","kind":"%s","name":"x","uid":"u","controller":true}]""".formatted(ownerKind);
        return of("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"%s"%s},
                 "spec":{"containers":[{"name":"c","image":"i"}]}}""".formatted(name, namespace, owner));
    }

    static AssessedObject configMap(String namespace, String name, int entries) {
        var data = new StringBuilder();
        for (int i = 0; i < entries; i++) {
            data.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        return of("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","namespace":"%s"},"data":{%s}}""".formatted(name, namespace, data));
    }

    static AssessedObject of(String json) {
        var body = ObjectNormaliser.normalise(CanonicalJson.parse(json.getBytes()));
        return new AssessedObject(
                ResourceKey.of(body),
                String.valueOf(body.get("apiVersion")),
                CanonicalJson.sha256(CanonicalJson.bytes(body)),
                body);
    }

    static List<AssessedObject> list(AssessedObject... objects) {
        return List.of(objects);
    }

    private static String json(Map<String, String> labels) {
        return new String(CanonicalJson.bytes(Map.copyOf(labels)));
    }
}
