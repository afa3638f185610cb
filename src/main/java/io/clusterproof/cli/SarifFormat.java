package io.clusterproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ResourceKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * SARIF 2.1.0, as code-scanning tools read it: one rule per check, one result per failing (or
 * unevaluable) finding, located at the manifest file and line the object came from. Input problems
 * are tool execution notifications.
 */
final class SarifFormat {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifFormat() {}

    /** @param baseline when given, each result says whether it is new since then, and absent ones are added */
    static Map<String, Object> of(
            ScanReport report,
            Catalog catalog,
            Map<ResourceKey, ScanReport.Location> locations,
            String version,
            @Nullable Baseline baseline) {
        var rules = new ArrayList<Object>();
        var ruleIndex = new LinkedHashMap<String, Integer>();
        for (var check : catalog.checks()) {
            var d = check.definition();
            ruleIndex.put(check.id(), rules.size());
            rules.add(Map.of(
                    "id", check.id(),
                    "name", camel(check.id()),
                    "shortDescription", Map.of("text", d.title()),
                    "fullDescription", Map.of("text", d.rationale().trim()),
                    "help", Map.of("text", d.remediation().trim()),
                    "defaultConfiguration", Map.of("level", level(d.severity())),
                    "properties",
                            Map.of(
                                    "tags",
                                    List.of("security", "compliance", d.category()),
                                    "security-severity",
                                    securitySeverity(d.severity()))));
        }
        var results = new ArrayList<Object>();
        for (var finding : report.findings()) {
            if (!Baseline.REPORTED.contains(finding.status())) {
                continue;
            }
            var result = new LinkedHashMap<String, Object>();
            result.put("ruleId", finding.checkId());
            if (ruleIndex.containsKey(finding.checkId())) {
                result.put("ruleIndex", ruleIndex.get(finding.checkId()));
            }
            result.put("level", finding.status().equals("FAIL") ? level(Severity.parse(finding.severity())) : "note");
            var resource = ScanReport.describe(finding);
            result.put("message", Map.of("text", finding.status() + " " + resource + ": " + finding.message()));
            if (baseline != null) {
                result.put("baselineState", baseline.stateOf(finding));
            }
            var location = locations.get(ScanReport.keyOf(finding));
            if (location != null) {
                result.put(
                        "locations",
                        List.of(Map.of(
                                "physicalLocation",
                                Map.of(
                                        "artifactLocation", Map.of("uri", uri(location.file())),
                                        "region", Map.of("startLine", Math.max(location.line(), 1))))));
            }
            results.add(result);
        }
        if (baseline != null) {
            baseline.absent(report).forEach(previous -> results.add(absent(previous, ruleIndex)));
        }
        var notifications = report.errors().stream()
                .map(e -> (Object) Map.of(
                        "level",
                        e.level().equals("error") ? "error" : "warning",
                        "message",
                        Map.of("text", e.source() + ": " + e.message())))
                .toList();
        var run = new LinkedHashMap<String, Object>();
        run.put(
                "tool",
                Map.of(
                        "driver",
                        Map.of(
                                "name",
                                "ClusterProof",
                                "version",
                                version,
                                "informationUri",
                                "https://clusterproof.io",
                                "rules",
                                rules)));
        run.put(
                "invocations",
                List.of(Map.of(
                        "executionSuccessful", !report.hasErrors(), "toolExecutionNotifications", notifications)));
        run.put("results", results);
        run.put("properties", Map.of("catalogDigest", report.catalogDigest()));
        var sarif = new LinkedHashMap<String, Object>();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", "2.1.0");
        sarif.put("runs", List.of(run));
        return sarif;
    }

    /** A result of the baseline that this scan no longer reports. */
    private static Map<String, Object> absent(JsonNode previous, Map<String, Integer> ruleIndex) {
        var result = new LinkedHashMap<String, Object>();
        var checkId = previous.path("checkId").asText();
        result.put("ruleId", checkId);
        if (ruleIndex.containsKey(checkId)) {
            result.put("ruleIndex", ruleIndex.get(checkId));
        }
        result.put("level", "none");
        var resource = previous.path("resource");
        var namespace = resource.path("namespace").isTextual()
                ? resource.path("namespace").asText() + "/"
                : "";
        result.put(
                "message",
                Map.of(
                        "text",
                        resource.path("kind").asText() + " " + namespace
                                + resource.path("name").asText()
                                + ": no longer " + previous.path("status").asText() + " (was: "
                                + previous.path("message").asText() + ")"));
        result.put("baselineState", "absent");
        return result;
    }

    private static String uri(String file) {
        var archive = file.indexOf('!');
        var path = archive < 0 ? file : file.substring(0, archive);
        return Path.of(path).normalize().toString().replace('\\', '/');
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
        };
    }

    private static String camel(String id) {
        var out = new StringBuilder();
        for (var part : id.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
