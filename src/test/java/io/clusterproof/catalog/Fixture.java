package io.clusterproof.catalog;

import io.clusterproof.assessment.AssessedObject;
import io.clusterproof.assessment.AssessedObjects;
import io.clusterproof.assessment.AssessmentInput;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.ManifestObject;
import io.clusterproof.snapshot.ManifestReader;
import io.clusterproof.snapshot.MissingKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One fixture file of a check. The file name says the expected outcome ({@code compliant-*} PASS,
 * {@code violating-*} FAIL); comment lines at the top may refine it:
 *
 * <pre>
 * # expect: NOT_APPLICABLE | UNKNOWN | ERROR   (overrides the name)
 * # paths: spec.template.spec.containers[0].securityContext.privileged, ...
 * # now: 2026-11-25T00:00:00Z                   (the evaluation time; this is the default)
 * # missing: NetworkPolicy                      (kinds the snapshot could not collect)
 * </pre>
 *
 * The first object of a kind the check matches is the one judged; the other objects are its
 * surroundings. A {@code clusterproof.io/v1 Cluster} document makes the fixture a whole cluster.
 */
record Fixture(
        Path file,
        FindingStatus expected,
        @Nullable Set<String> paths,
        AssessmentInput input,
        @Nullable AssessedObject target) {

    static final Instant DEFAULT_NOW = Instant.parse("2026-11-25T00:00:00Z");

    static Fixture read(Path file, CompiledCheck check) throws IOException {
        var name = file.getFileName().toString();
        var expected = name.startsWith("compliant-") ? FindingStatus.PASS : FindingStatus.FAIL;
        Set<String> paths = null;
        var now = DEFAULT_NOW;
        var missing = new ArrayList<MissingKind>();
        for (var line : Files.readAllLines(file)) {
            if (!line.startsWith("#")) {
                if (!line.isBlank()) {
                    break;
                }
                continue;
            }
            var text = line.substring(1).trim();
            var colon = text.indexOf(':');
            if (colon < 0) {
                continue;
            }
            var key = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            var value = text.substring(colon + 1).trim();
            switch (key) {
                case "expect" -> expected = FindingStatus.valueOf(value.toUpperCase(Locale.ROOT));
                case "paths" ->
                    paths = new LinkedHashSet<>(
                            Arrays.stream(value.split(",")).map(String::trim).toList());
                case "now" -> now = Instant.parse(value);
                case "missing" ->
                    Arrays.stream(value.split(","))
                            .map(String::trim)
                            .forEach(k -> missing.add(new MissingKind(k, "forbidden (403) in this fixture")));
                default -> {}
            }
        }
        var content = ManifestReader.read(List.of(file));
        if (!content.issues().isEmpty()) {
            throw new IllegalStateException(file + " does not parse: " + content.issues());
        }
        String clusterName = null;
        String version = null;
        var manifests = new ArrayList<ManifestObject>();
        for (var object : content.objects()) {
            if ("Cluster".equals(object.object().get("kind"))
                    && "clusterproof.io/v1".equals(object.object().get("apiVersion"))) {
                clusterName = KubeObjects.string(KubeObjects.map(object.object(), "metadata"), "name");
                var status = KubeObjects.map(object.object(), "status");
                version = status.isEmpty() ? null : KubeObjects.string(status, "kubernetesVersion");
            } else {
                manifests.add(object);
            }
        }
        var objects = AssessedObjects.fromManifests(manifests);
        AssessedObject target = null;
        if (!check.kinds().contains("Cluster")) {
            target = objects.stream()
                    .filter(o -> check.kinds().contains(o.key().qualifiedKind()))
                    .findFirst()
                    .orElse(null);
        }
        return new Fixture(
                file, expected, paths, new AssessmentInput(objects, missing, clusterName, version, now), target);
    }
}
