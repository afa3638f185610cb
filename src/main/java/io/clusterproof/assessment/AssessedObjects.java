package io.clusterproof.assessment;

import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.ManifestObject;
import io.clusterproof.snapshot.ObjectNormaliser;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.StoredObject;
import java.util.ArrayList;
import java.util.List;

/** Turns stored or manifest objects into what the engine assesses. */
public final class AssessedObjects {

    private AssessedObjects() {}

    public static AssessedObject of(StoredObject stored) {
        return new AssessedObject(stored.key(), stored.apiVersion(), stored.digest(), stored.body());
    }

    /**
     * Redacts and normalises manifest objects exactly as collection does, and leaves out objects
     * controlled by another (their controller is assessed instead).
     */
    public static List<AssessedObject> fromManifests(List<ManifestObject> manifests) {
        var objects = new ArrayList<AssessedObject>(manifests.size());
        for (var manifest : manifests) {
            var body = ObjectNormaliser.normalise(manifest.object());
            if (KubeObjects.isControlled(body)) {
                continue;
            }
            var digest = CanonicalJson.sha256(CanonicalJson.bytes(body));
            objects.add(new AssessedObject(ResourceKey.of(body), KubeObjects.string(body, "apiVersion"), digest, body));
        }
        return objects;
    }
}
