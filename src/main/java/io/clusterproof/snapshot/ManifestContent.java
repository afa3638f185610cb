package io.clusterproof.snapshot;

import java.util.List;

/** Everything read from a manifest source: the objects, and a problem per document that could not be used. */
public record ManifestContent(List<ManifestObject> objects, List<ManifestIssue> issues) {

    public boolean hasErrors() {
        return issues.stream().anyMatch(i -> i.level() == ManifestIssue.Level.ERROR);
    }
}
