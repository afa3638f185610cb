package io.clusterproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.cli.ScanReport.FindingEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A previous {@code scan --format json} output that this scan is compared with ({@code --baseline}).
 * A scan regresses when a control's status got worse, or when a critical or high finding fails
 * that did not fail before. Findings are matched by check, kind, namespace and name (not API
 * version, so moving a manifest to a newer API version keeps its history).
 */
final class Baseline {

    /** The statuses SARIF reports, and so the ones a baseline state is given for. */
    static final Set<String> REPORTED = Set.of("FAIL", "ERROR", "UNKNOWN");

    private static final Set<String> GATING_SEVERITIES = Set.of("critical", "high");

    private final Path file;
    private final Map<String, Map<String, String>> controls;
    private final Map<String, JsonNode> findings;

    private Baseline(Path file, Map<String, Map<String, String>> controls, Map<String, JsonNode> findings) {
        this.file = file;
        this.controls = controls;
        this.findings = findings;
    }

    static Baseline read(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("--baseline " + file + " does not exist");
        } catch (IOException e) {
            throw new UsageException("--baseline " + file + " is not JSON: " + e.getMessage());
        }
        if (json == null
                || !json.path("frameworks").isArray()
                || !json.path("findings").isArray()) {
            throw new UsageException("--baseline " + file
                    + " is not the output of scan --format json (it needs \"frameworks\" and \"findings\")");
        }
        var controls = new LinkedHashMap<String, Map<String, String>>();
        for (var framework : json.get("frameworks")) {
            var statuses = new LinkedHashMap<String, String>();
            framework
                    .path("controls")
                    .forEach(c -> statuses.put(
                            c.path("ref").asText(), c.path("status").asText()));
            controls.put(framework.path("id").asText(), statuses);
        }
        var findings = new LinkedHashMap<String, JsonNode>();
        for (var finding : json.get("findings")) {
            var resource = finding.path("resource");
            findings.put(
                    key(
                            finding.path("checkId").asText(),
                            resource.path("kind").asText(),
                            resource.path("namespace").asText(""),
                            resource.path("name").asText()),
                    finding);
        }
        return new Baseline(file, controls, findings);
    }

    Path file() {
        return file;
    }

    /** What got worse since the baseline, one line each; empty when nothing did. */
    List<String> regressions(ScanReport report) {
        var regressions = new ArrayList<String>();
        for (var framework : report.frameworks()) {
            var before = controls.getOrDefault(framework.id(), Map.of());
            for (var control : framework.controls()) {
                var previous = before.get(control.ref());
                if (previous != null && rank(control.status()) < rank(previous)) {
                    regressions.add(
                            framework.id() + " control " + control.ref() + ": " + previous + " -> " + control.status());
                }
            }
        }
        for (var finding : report.findings()) {
            if (finding.status().equals("FAIL")
                    && GATING_SEVERITIES.contains(finding.severity())
                    && !previousStatus(finding).equals("FAIL")) {
                regressions.add("new " + finding.severity() + " finding " + finding.checkId() + " on "
                        + ScanReport.describe(finding) + ": " + finding.message());
            }
        }
        return regressions;
    }

    /** SARIF's baseline state of a reported finding: new, unchanged or updated. */
    String stateOf(FindingEntry finding) {
        var previous = previousStatus(finding);
        if (!REPORTED.contains(previous)) {
            return "new";
        }
        return previous.equals(finding.status()) ? "unchanged" : "updated";
    }

    /** Findings the baseline reported that this scan no longer reports (SARIF's {@code absent}). */
    List<JsonNode> absent(ScanReport report) {
        var reportedNow = new java.util.HashSet<String>();
        report.findings().stream().filter(f -> REPORTED.contains(f.status())).forEach(f -> reportedNow.add(key(f)));
        return findings.entrySet().stream()
                .filter(e -> REPORTED.contains(e.getValue().path("status").asText()))
                .filter(e -> !reportedNow.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    private String previousStatus(FindingEntry finding) {
        var previous = findings.get(key(finding));
        return previous == null ? "" : previous.path("status").asText();
    }

    private static String key(FindingEntry finding) {
        var resource = finding.resource();
        return key(
                finding.checkId(),
                resource.kind(),
                resource.namespace() == null ? "" : resource.namespace(),
                resource.name());
    }

    private static String key(String checkId, String kind, String namespace, String name) {
        return checkId + "\u0000" + kind + "\u0000" + namespace + "\u0000" + name;
    }

    /**
     * How good a control status is; lower is worse. Not applicable ranks with pass: a control whose
     * resources went away did not get worse, and the findings rule catches whatever replaced them.
     */
    static int rank(String status) {
        return switch (status) {
            case "PASS", "ATTESTED", "NOT_APPLICABLE" -> 5;
            case "PASS_WAIVED" -> 4;
            case "NEEDS_ATTESTATION" -> 3;
            case "FAIL" -> 1;
            // UNKNOWN, ERROR and any status this version does not know
            default -> 2;
        };
    }
}
