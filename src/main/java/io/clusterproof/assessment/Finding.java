package io.clusterproof.assessment;

import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ResourceKey;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One check's result on one resource.
 *
 * @param paths field paths the check inspected or found offending
 * @param frameworks ids of the frameworks whose scope includes the resource
 * @param digest the digest of the resource body the check saw (empty for placeholders)
 * @param waiverId the waiver that covers a WAIVED finding
 */
public record Finding(
        String checkId,
        FindingStatus status,
        Severity severity,
        ResourceKey resource,
        String apiVersion,
        String message,
        List<String> paths,
        Set<String> frameworks,
        String digest,
        @Nullable Long waiverId) {

    public Finding withStatus(FindingStatus status, @Nullable Long waiverId) {
        return new Finding(
                checkId, status, severity, resource, apiVersion, message, paths, frameworks, digest, waiverId);
    }
}
