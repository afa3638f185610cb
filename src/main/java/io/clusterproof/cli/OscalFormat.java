package io.clusterproof.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterproof.assessment.AssessedObject;
import io.clusterproof.assessment.AssessmentResult;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.evidence.OscalAssessment;
import io.clusterproof.evidence.OscalDocument;
import io.clusterproof.snapshot.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code scan --format oscal}: the scan as an OSCAL assessment-results document. A scan has no
 * snapshot: the digest of the scanned objects stands for it, and with the catalog digest it keys
 * the UUIDs, so scanning the same manifests with the same catalog gives the same UUIDs. Manifests
 * carry no attestations or waivers.
 */
final class OscalFormat {

    private OscalFormat() {}

    static ObjectNode of(
            Catalog catalog,
            AssessmentResult result,
            List<AssessedObject> objects,
            List<String> frameworkIds,
            List<Path> paths,
            Instant at,
            String version) {
        var objectsDigest = CanonicalJson.sha256(String.join(
                        "\n",
                        objects.stream().map(AssessedObject::digest).sorted().toList())
                .getBytes(StandardCharsets.UTF_8));
        var frameworks = catalog.frameworks().stream()
                .filter(f -> frameworkIds.isEmpty() || frameworkIds.contains(f.id()))
                .map(f -> OscalAssessment.Framework.of(f, result.controls(), result.findings()))
                .toList();
        var target = "manifests "
                + String.join(", ", paths.stream().map(Path::toString).toList());
        var assessment = new OscalAssessment(
                "scan/" + result.catalogDigest() + "/" + objectsDigest,
                target,
                at,
                at,
                at.plus(OscalAssessment.UNSCHEDULED_VALIDITY),
                objectsDigest,
                result.catalogDigest(),
                false,
                frameworks,
                List.of(),
                List.of(),
                null);
        return OscalDocument.of("ClusterProof scan of " + target, version, List.of(assessment), catalog);
    }
}
