package io.clusterproof.assessment;

import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.ManifestObject;
import io.clusterproof.snapshot.ObjectNormaliser;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
     * containers beyond their controller's template. The objects controllers own are read one at a
     * time and only those pods kept: a large cluster's pods need not fit in memory at once.
     *
     * @param controlledOwners hands out the replica sets, jobs and replication controllers that
     *     controllers own
     * @param controlledPods hands out the pods that controllers own
     */
    public static List<AssessedObject> fromSnapshot(
            List<StoredObject> uncontrolled,
            Consumer<Consumer<StoredObject>> controlledOwners,
            Consumer<Consumer<StoredObject>> controlledPods) {
        var objects = new ArrayList<AssessedObject>(uncontrolled.size());
        uncontrolled.forEach(o -> objects.add(of(o)));
        var finder = new LivePods.Finder();
        objects.forEach(finder::owner);
        controlledOwners.accept(o -> finder.owner(of(o)));
        objects.forEach(finder::pod);
        controlledPods.accept(o -> finder.pod(of(o)));
        objects.addAll(finder.found());
        return objects;
    }
}
