package io.clusterproof.assessment.ui;

import static io.clusterproof.assessment.PostureLinks.CHECK;
import static io.clusterproof.assessment.PostureLinks.GROUP;
import static io.clusterproof.assessment.PostureLinks.KIND;
import static io.clusterproof.assessment.PostureLinks.NAME;
import static io.clusterproof.assessment.PostureLinks.NAMESPACE;

import io.clusterproof.base.ui.UrlState;
import io.clusterproof.snapshot.ResourceKey;
import java.util.Optional;

/**
 * A finding's or resource's address in the URL: the check (optional) and the resource's key, under
 * the parameter names {@link io.clusterproof.assessment.PostureLinks} links with.
 */
record FindingRef(String checkId, ResourceKey resource) {

    static Optional<FindingRef> from(UrlState url) {
        var kind = url.get(KIND);
        var name = url.get(NAME);
        if (kind.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FindingRef(
                url.get(CHECK, ""),
                new ResourceKey(url.get(GROUP, ""), kind.get(), url.get(NAMESPACE, ""), name.get())));
    }

    UrlState write(UrlState url) {
        return url.with(CHECK, checkId)
                .with(GROUP, resource.group())
                .with(KIND, resource.kind())
                .with(NAMESPACE, resource.namespace())
                .with(NAME, resource.name());
    }
}
