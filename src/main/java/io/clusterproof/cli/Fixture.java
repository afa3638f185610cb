package io.clusterproof.cli;

import io.clusterproof.assessment.AssessedObject;
import io.clusterproof.assessment.AssessedObjects;
import io.clusterproof.assessment.AssessmentInput;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.catalog.CatalogFile;
import io.clusterproof.catalog.CompiledCheck;
import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.ManifestObject;
import io.clusterproof.snapshot.ManifestReader;
import io.clusterproof.snapshot.MissingKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One fixture file of a check. The file name says the expected outcome ({@code compliant-*} PASS,
 * {@code violating-*} FAIL, {@code not-visible-*} NOT_APPLICABLE because the evidence is out of the
 * API's sight); comment lines at the top may refine it:
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
        String file,
        FindingStatus expected,
        @Nullable Set<String> paths,
        AssessmentInput input,
        @Nullable AssessedObject target) {

    static final Instant DEFAULT_NOW = Instant.parse("2026-11-25T00:00:00Z");

    /** Reads a fixture; a header or document that cannot be read is an {@link IllegalArgumentException} naming it. */
    static Fixture read(CatalogFile file, CompiledCheck check) {
        var relative = file.relative();
        var name = relative.substring(relative.lastIndexOf('/') + 1);
        var expected = name.startsWith("compliant-")
                ? FindingStatus.PASS
                : name.startsWith("not-visible-") ? FindingStatus.NOT_APPLICABLE : FindingStatus.FAIL;
        Set<String> paths = null;
        var now = DEFAULT_NOW;
        var missing = new ArrayList<MissingKind>();
        for (var line : file.content().lines().toList()) {
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
                case "expect" -> expected = status(value);
                case "paths" ->
                    paths = new LinkedHashSet<>(
                            Arrays.stream(value.split(",")).map(String::trim).toList());
                case "now" -> now = instant(value);
                case "missing" ->
                    Arrays.stream(value.split(","))
                            .map(String::trim)
                            .forEach(k -> missing.add(new MissingKind(k, "forbidden (403) in this fixture")));
                default -> {}
            }
        }
        var content = ManifestReader.read(
                file.display(), new ByteArrayInputStream(file.content().getBytes(StandardCharsets.UTF_8)));
        if (!content.issues().isEmpty()) {
            throw new IllegalArgumentException("does not parse: " + content.issues());
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
                file.display(),
                expected,
                paths,
                new AssessmentInput(objects, missing, clusterName, version, now),
                target);
    }

    private static FindingStatus status(String value) {
        try {
            return FindingStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'# expect: " + value + "' is not a status (one of " + Arrays.toString(FindingStatus.values())
                            + ")",
                    e);
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'# now: " + value + "' is not an instant like " + DEFAULT_NOW, e);
        }
    }
}
