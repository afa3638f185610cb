package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One check, as {@code checks/<id>/check.yaml} declares it. The rule is CEL that is true when the
 * object complies.
 *
 * @param requires kinds the rule reads besides the matched one; if the snapshot lacks one, the
 *     result is UNKNOWN
 * @param detail optional CEL giving a string appended to the message on failure
 * @param offending optional CEL giving the concrete field paths that fail
 * @param unseen optional CEL giving a string, evaluated when the rule passes: non-empty means the
 *     evidence that would complete the judgement is out of the API's sight (a file on a
 *     control-plane node, a control plane the provider runs), so the result is NOT_APPLICABLE with
 *     that reason instead of PASS, and only hybrid controls may rest on the check
 * @param paths the fields the rule inspects ({@code podSpec.} and {@code containers[*].} stand for
 *     the pod spec and its containers wherever the kind keeps them)
 */
public record CheckDefinition(
        @JsonProperty("id") String id,
        @JsonProperty("title") String title,
        @JsonProperty("severity") Severity severity,
        @JsonProperty("category") String category,
        @JsonProperty("match") Match match,
        @JsonProperty("requires") @Nullable List<String> requires,
        @JsonProperty("rule") String rule,
        @JsonProperty("message") String message,
        @JsonProperty("detail") @Nullable String detail,
        @JsonProperty("offending") @Nullable String offending,
        @JsonProperty("unseen") @Nullable String unseen,
        @JsonProperty("paths") @Nullable List<String> paths,
        @JsonProperty("rationale") String rationale,
        @JsonProperty("remediation") String remediation,
        @JsonProperty("refs") @Nullable Refs refs) {

    public List<String> requiredKinds() {
        return requires == null ? List.of() : requires;
    }

    public List<String> inspectedPaths() {
        return paths == null ? List.of() : paths;
    }

    public Refs references() {
        return refs == null ? Refs.none() : refs;
    }
}
