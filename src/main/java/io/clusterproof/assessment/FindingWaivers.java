package io.clusterproof.assessment;

import org.jspecify.annotations.Nullable;

/** Decides, for one assessment, which failing findings an approved and unexpired waiver covers. */
public interface FindingWaivers {

    FindingWaivers NONE = finding -> null;

    /** The id of the waiver covering this failing finding, or null. */
    @Nullable
    Long waiverFor(Finding finding);
}
