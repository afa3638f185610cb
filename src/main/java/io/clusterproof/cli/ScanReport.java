package io.clusterproof.cli;

import io.clusterproof.assessment.AssessmentResult;
import io.clusterproof.assessment.Finding;
import io.clusterproof.assessment.ScopeText;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.ManifestIssue;
import io.clusterproof.snapshot.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of a scan in the shape of the stable CLI JSON contract (DESIGN.md), from which every
 * output format is written.
 */
record ScanReport(
        String catalogDigest, List<FrameworkEntry> frameworks, List<FindingEntry> findings, List<ErrorEntry> errors) {

    /**
     * A framework's result. {@code controlScore} = 100 × (PASS + PASS_WAIVED + ATTESTED) ÷ (sum of
     * counts − NOT_APPLICABLE), one decimal; it and {@code verifiedShare} are null when the scope is
     * empty.
     */
    record FrameworkEntry(
            String id,
            @Nullable Double controlScore,
            @Nullable Double verifiedShare,
            double resourceScore,
            boolean scopeEmpty,
            Map<String, Integer> counts,
            List<ControlEntry> controls) {}

    record ControlEntry(String ref, String type, String status) {}

    record ResourceEntry(
            String apiVersion, String kind, @Nullable String namespace, String name) {}

    record FindingEntry(
            String checkId,
            String status,
            String severity,
            ResourceEntry resource,
            String message,
            List<String> paths) {}

    record ErrorEntry(String level, String source, String message) {}

    /** Where a finding's object was read, for SARIF locations. */
    record Location(String file, int line) {}

    static ScanReport of(
            Catalog catalog, AssessmentResult result, List<String> frameworkIds, List<ManifestIssue> issues) {
        var frameworks = new ArrayList<FrameworkEntry>();
        var errors = new ArrayList<ErrorEntry>();
        issues.forEach(
                i -> errors.add(new ErrorEntry(i.level().name().toLowerCase(Locale.ROOT), i.source(), i.message())));
        for (var score : result.scores()) {
            if (!frameworkIds.isEmpty() && !frameworkIds.contains(score.frameworkId())) {
                continue;
            }
            var definition = catalog.framework(score.frameworkId()).orElseThrow();
            var types = new HashMap<String, String>();
            definition.controls().forEach(c -> types.put(c.ref(), c.type().id()));
            var controls = result.controls().stream()
                    .filter(c -> c.frameworkId().equals(score.frameworkId()))
                    .map(c -> new ControlEntry(
                            c.ref(),
                            Objects.requireNonNull(types.get(c.ref()), "every result's control is in its framework"),
                            c.status().name()))
                    .toList();
            frameworks.add(new FrameworkEntry(
                    score.frameworkId(),
                    score.scored() ? score.controlScore() : null,
                    score.scored() ? score.verifiedShare() : null,
                    score.resourceScore(),
                    score.scopeEmpty(),
                    score.controls().byName(),
                    controls));
            if (score.scopeEmpty()) {
                errors.add(new ErrorEntry("warning", score.frameworkId(), ScopeText.empty(definition)));
            }
        }
        var findings = result.findings().stream().map(ScanReport::finding).toList();
        return new ScanReport(catalog.digest(), frameworks, findings, errors);
    }

    private static FindingEntry finding(Finding finding) {
        var key = finding.resource();
        return new FindingEntry(
                finding.checkId(),
                finding.status().name(),
                finding.severity().label(),
                new ResourceEntry(
                        finding.apiVersion(),
                        key.kind(),
                        key.namespace().isEmpty() ? null : key.namespace(),
                        key.name()),
                finding.message(),
                finding.paths());
    }

    /** The finding's resource for people: {@code Kind namespace/name}. */
    static String describe(FindingEntry finding) {
        var resource = finding.resource();
        return resource.kind() + " " + (resource.namespace() == null ? "" : resource.namespace() + "/")
                + resource.name();
    }

    boolean hasErrors() {
        return errors.stream().anyMatch(e -> e.level().equals("error"));
    }

    static ResourceKey keyOf(FindingEntry finding) {
        var apiVersion = finding.resource().apiVersion();
        var slash = apiVersion.indexOf('/');
        return new ResourceKey(
                slash < 0 ? "" : apiVersion.substring(0, slash),
                finding.resource().kind(),
                finding.resource().namespace() == null ? "" : finding.resource().namespace(),
                finding.resource().name());
    }

    Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("catalogDigest", catalogDigest);
        json.put("frameworks", frameworks);
        json.put("findings", findings);
        json.put("errors", errors);
        return json;
    }
}
