package io.clusterproof.catalog;

import dev.cel.runtime.Program;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A check with its CEL compiled once, at load.
 *
 * @param kinds the matched kinds with {@code workload} expanded
 * @param requiredKinds kinds the check cannot be judged without: its {@code requires}, expanded,
 *     and every kind its expressions read (see {@link CheckVariable#reads()}); when the snapshot
 *     lacks one, the check is UNKNOWN
 */
public record CompiledCheck(
        CheckDefinition definition,
        List<String> kinds,
        List<String> requiredKinds,
        Program rule,
        @Nullable Program where,
        @Nullable Program detail,
        @Nullable Program offending,
        @Nullable Program unseen,
        String file) {

    public String id() {
        return definition.id();
    }

    /** Whether a pass of this check can leave evidence out of sight (see {@link CheckDefinition#unseen()}). */
    public boolean mayLeaveEvidenceUnseen() {
        return unseen != null;
    }
}
