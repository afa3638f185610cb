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
     * Redacts and normalises manifest objects exactly as collection does. Objects controlled by
     * another are left out (their controller is assessed instead), except pods that run containers
     * beyond their controller's template, which are assessed for those (see {@link LivePods}).
     */
    public static List<AssessedObject> fromManifests(List<ManifestObject> manifests) {
        var objects = new ArrayList<AssessedObject>(manifests.size());
        var all = new ArrayList<AssessedObject>(manifests.size());
        for (var manifest : manifests) {
            var body = ObjectNormaliser.normalise(manifest.object());
            var digest = CanonicalJson.sha256(CanonicalJson.bytes(body));
            var object = new AssessedObject(ResourceKey.of(body), KubeObjects.string(body, "apiVersion"), digest, body);
            all.add(object);
            if (!KubeObjects.isControlled(body)) {
                objects.add(object);
            }
        }
        objects.addAll(LivePods.beyondTemplate(all));
        return objects;
    }

    /**
     * A stored snapshot's objects for assessment: those no controller owns, and the pods that run
     * containers beyond their controller's template.
     *
     * @param controlled the bodies of the pods, replica sets and jobs that controllers own
     */
    public static List<AssessedObject> fromSnapshot(List<StoredObject> uncontrolled, List<StoredObject> controlled) {
        var objects = new ArrayList<AssessedObject>(uncontrolled.size());
        uncontrolled.forEach(o -> objects.add(of(o)));
        if (!controlled.isEmpty()) {
            var all = new ArrayList<>(objects);
            controlled.forEach(o -> all.add(of(o)));
            objects.addAll(LivePods.beyondTemplate(all));
        }
        return objects;
    }
}
