package io.clusterproof.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.catalog.Catalog;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The bodies webhooks receive: the full regression as JSON, or one readable message as {@code
 * {"text": ...}} for Slack-compatible receivers. Everything in them comes from redacted data:
 * names, check ids, messages and scores, never an object's body.
 */
@Component
class AlertPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SLACK_FAILURES = 10;

    private final Catalog catalog;
    private final DriftProperties properties;

    AlertPayloads(Catalog catalog, DriftProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    /** One line for people: the score drops and how many serious failures are new. */
    String summary(Regression regression) {
        var parts = regression.scoreDrops().stream()
                .map(d ->
                        frameworkName(d.frameworkId()) + " " + d.type().label().toLowerCase(Locale.ROOT) + " "
                                + number(d.from()) + " → " + number(d.to()) + " (" + number(d.delta()) + ")")
                .collect(Collectors.toList());
        if (regression.newFailureCount() > 0) {
            parts.add(regression.newFailureCount() + " new " + severities() + " failure"
                    + (regression.newFailureCount() == 1 ? "" : "s"));
        }
        return String.join("; ", parts);
    }

    String regression(WebhookFormat format, long regressionId, Regression regression) {
        return format == WebhookFormat.SLACK ? slack(regression) : json(regressionId, regression);
    }

    String test(WebhookFormat format, String webhookName, Instant sentAt) {
        if (format == WebhookFormat.SLACK) {
            return write(Map.of(
                    "text",
                    "ClusterProof test message: the webhook \"" + webhookName
                            + "\" is reachable and will receive regression alerts."));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("event", DeliveryQueue.TEST);
        body.put("webhook", webhookName);
        body.put("sentAt", sentAt.toString());
        body.put("message", "A test delivery from ClusterProof: this webhook is reachable.");
        return write(body);
    }

    private String json(long regressionId, Regression regression) {
        var body = new LinkedHashMap<String, Object>();
        body.put("event", DeliveryQueue.REGRESSION);
        body.put("regressionId", regressionId);
        body.put("cluster", Map.of("id", regression.to().clusterId(), "name", regression.clusterName()));
        body.put("assessment", assessment(regression.to()));
        body.put("previousAssessment", assessment(regression.from()));
        body.put("summary", summary(regression));
        body.put(
                "scoreDrops",
                regression.scoreDrops().stream()
                        .map(d -> {
                            var drop = new LinkedHashMap<String, Object>();
                            drop.put("framework", d.frameworkId());
                            drop.put("frameworkName", frameworkName(d.frameworkId()));
                            drop.put("score", d.type().name().toLowerCase(Locale.ROOT));
                            drop.put("from", d.from());
                            drop.put("to", d.to());
                            drop.put("delta", d.delta());
                            return drop;
                        })
                        .toList());
        var failures = new LinkedHashMap<String, Object>();
        failures.put("count", regression.newFailureCount());
        failures.put(
                "listed",
                regression.newFailures().stream()
                        .map(f -> {
                            var failure = new LinkedHashMap<String, Object>();
                            failure.put("checkId", f.checkId());
                            failure.put("title", checkTitle(f.checkId()));
                            failure.put("severity", f.severity().name());
                            var resource = new LinkedHashMap<String, @Nullable Object>();
                            resource.put("apiVersion", f.apiVersion());
                            resource.put("kind", f.resource().kind());
                            resource.put(
                                    "namespace",
                                    f.resource().namespace().isEmpty()
                                            ? null
                                            : f.resource().namespace());
                            resource.put("name", f.resource().name());
                            failure.put("resource", resource);
                            failure.put("message", f.message());
                            return failure;
                        })
                        .toList());
        body.put("newFailures", failures);
        var link = link(regression);
        if (link != null) {
            body.put("url", link);
        }
        return write(body);
    }

    private String slack(Regression regression) {
        var text = new StringBuilder("*ClusterProof: posture regression on cluster ")
                .append(regression.clusterName())
                .append("* (snapshot of ")
                .append(regression.to().snapshotTakenAt())
                .append(")");
        for (var drop : regression.scoreDrops()) {
            text.append("\n• ")
                    .append(frameworkName(drop.frameworkId()))
                    .append(' ')
                    .append(drop.type().label().toLowerCase(Locale.ROOT))
                    .append(": ")
                    .append(number(drop.from()))
                    .append("% → ")
                    .append(number(drop.to()))
                    .append("% (")
                    .append(number(drop.delta()))
                    .append(")");
        }
        if (regression.newFailureCount() > 0) {
            text.append("\n• ")
                    .append(regression.newFailureCount())
                    .append(" new ")
                    .append(severities())
                    .append(" failure")
                    .append(regression.newFailureCount() == 1 ? "" : "s")
                    .append(':');
            regression.newFailures().stream()
                    .limit(SLACK_FAILURES)
                    .forEach(f -> text.append("\n    ")
                            .append(f.severity().label())
                            .append(" · ")
                            .append(checkTitle(f.checkId()))
                            .append(" · ")
                            .append(f.resource().display()));
            if (regression.newFailureCount() > SLACK_FAILURES) {
                text.append("\n    … and ")
                        .append(regression.newFailureCount() - SLACK_FAILURES)
                        .append(" more");
            }
        }
        var link = link(regression);
        if (link != null) {
            text.append("\n<").append(link).append("|What changed>");
        }
        return write(Map.of("text", text.toString()));
    }

    private @Nullable String link(Regression regression) {
        var base = properties.publicUrl();
        if (base == null) {
            return null;
        }
        return UriComponentsBuilder.fromUri(base)
                .path("/drift")
                .queryParam("cluster", regression.to().clusterId())
                .queryParam("from", regression.from().snapshotId())
                .queryParam("to", regression.to().snapshotId())
                .build()
                .toUriString();
    }

    private static Map<String, Object> assessment(AssessmentSummary assessment) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", assessment.id());
        map.put("snapshotId", assessment.snapshotId());
        map.put("snapshotTakenAt", assessment.snapshotTakenAt().toString());
        return map;
    }

    private String severities() {
        return properties.alertSeverities().stream()
                .sorted()
                .map(s -> s.label())
                .collect(Collectors.joining("/"));
    }

    private String frameworkName(String id) {
        return catalog.framework(id).map(f -> f.name()).orElse(id);
    }

    private String checkTitle(String checkId) {
        return catalog.check(checkId).map(c -> c.definition().title()).orElse(checkId);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace("-", "−");
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert body is plain data", e);
        }
    }
}
