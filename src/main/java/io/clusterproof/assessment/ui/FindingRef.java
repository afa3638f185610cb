package io.clusterproof.assessment.ui;

import io.clusterproof.base.ui.UrlState;
import io.clusterproof.snapshot.ResourceKey;
import java.util.Optional;

/** A finding's or resource's address in the URL: the check (optional) and the resource's key. */
record FindingRef(String checkId, ResourceKey resource) {

    static Optional<FindingRef> from(UrlState url) {
        var kind = url.get("rkind");
        var name = url.get("rname");
        if (kind.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FindingRef(
                url.get("check", ""),
                new ResourceKey(url.get("rgroup", ""), kind.get(), url.get("rns", ""), name.get())));
    }

    UrlState write(UrlState url) {
        return url.with("check", checkId)
                .with("rgroup", resource.group())
                .with("rkind", resource.kind())
                .with("rns", resource.namespace())
                .with("rname", resource.name());
    }
}
