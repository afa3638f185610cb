package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cross-references of a check to other catalogs.
 *
 * @param pss the Pod Security Standards level a violation breaks: baseline or restricted
 */
public record Refs(
        @JsonProperty("kubescape") @Nullable List<String> kubescape,
        @JsonProperty("cis") @Nullable List<String> cis,
        @JsonProperty("pss") @Nullable String pss,
        @JsonProperty("nist800190") @Nullable List<String> nist800190) {

    public static Refs none() {
        return new Refs(List.of(), List.of(), null, List.of());
    }

    public List<String> kubescapeIds() {
        return kubescape == null ? List.of() : kubescape;
    }

    public List<String> cisSections() {
        return cis == null ? List.of() : cis;
    }

    public List<String> nistSections() {
        return nist800190 == null ? List.of() : nist800190;
    }
}
