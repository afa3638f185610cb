package io.clusterproof.snapshot;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secret values from an object before anything else sees it: Secret data, literal
 * credential-like environment values, ConfigMap entries and annotations, and command-line flags.
 * What remains says that a value was there ({@link #MARKER}), never what it was.
 */
public final class SecretRedactor {

    /** Left where a secret value was removed; checks test for it to flag plaintext credentials. */
    public static final String MARKER = "<redacted:literal>";

    /** Left for each key of a Secret's data: the key and the fact of a value, no value. */
    public static final String SECRET_VALUE = "<redacted>";

    private static final Pattern CREDENTIAL_VALUE = Pattern.compile(
            "(?s).*(-----BEGIN [A-Z ]*PRIVATE KEY-----|AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}|gh[pousr]_[0-9A-Za-z]{30,}"
                    + "|AIza[0-9A-Za-z_-]{35}|xox[baprs]-[0-9A-Za-z-]{10,}|eyJhbGciO[0-9A-Za-z_.-]+"
                    + "|sk_live_[0-9A-Za-z]{16,}|[a-z][a-z0-9+.-]*://[^/\\s:@]+:(?!\\$[({])[^/\\s@]+@).*");

    /** {@code --name=value} or {@code --name value}, also inside a shell command line. */
    private static final Pattern FLAG =
            Pattern.compile("(?<![A-Za-z0-9_-])(--?([A-Za-z][A-Za-z0-9_.-]*)(?:=|\\s+))(?!-)([^\\s;&|]+)");

    /** {@code NAME=value} in a shell command line, e.g. {@code PGPASSWORD=x psql}. */
    private static final Pattern ASSIGNMENT =
            Pattern.compile("(?<![A-Za-z0-9_-])(([A-Za-z_][A-Za-z0-9_]*)=)([^\\s;&|]+)");

    /** A flag on its own, whose value is the next argument: {@code ["--password", "x"]}. */
    private static final Pattern LONE_FLAG = Pattern.compile("--?([A-Za-z][A-Za-z0-9_.-]*)");

    /** MySQL and MariaDB clients take the password glued to {@code -p}: {@code mysql -uroot -px}. */
    private static final Pattern MYSQL_PASSWORD = Pattern.compile(
            "(?i)(\\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mariadb|mariadb-dump)\\b[^;&|\\n]*?\\s-p)"
                    + "([^\\s;&|]+)");

    /** {@code "name": "value"} in JSON written on one line or many. */
    private static final Pattern JSON_PAIR = Pattern.compile("(\"([^\"\\\\]+)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");

    private SecretRedactor() {}

    /** Redacts in place. */
    public static void redact(Map<String, Object> object) {
        var kind = KubeObjects.string(object, "kind");
        if ("Secret".equals(kind)) {
            redactSecret(object);
        }
        if ("ConfigMap".equals(kind)) {
            redactEntries(KubeObjects.map(object, "data"));
            if (object.containsKey("binaryData")) {
                KubeObjects.replaceValues(KubeObjects.map(object, "binaryData"), (k, v) -> MARKER);
            }
        }
        redactAnnotations(KubeObjects.map(object, "metadata"));
        walkPodSpecs(object);
    }

    static boolean looksSensitive(String name, String value) {
        if (value.isBlank() || value.equals(MARKER) || value.equals(SECRET_VALUE)) {
            return false;
        }
        return (CredentialNames.isCredential(name) && !isPathOrReference(value) && !isSwitch(value))
                || CREDENTIAL_VALUE.matcher(value).matches();
    }

    private static boolean isSwitch(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }

    private static boolean isPathOrReference(String value) {
        return value.startsWith("/") || isReference(value);
    }

    private static boolean isReference(String value) {
        // "$(OTHER_VAR)" and "${VAR}" point at values defined elsewhere; they are not values
        return value.startsWith("$(") || value.startsWith("${");
    }

    private static void redactSecret(Map<String, Object> secret) {
        for (var field : List.of("data", "stringData")) {
            if (secret.get(field) instanceof Map<?, ?>) {
                KubeObjects.replaceValues(KubeObjects.map(secret, field), (k, v) -> SECRET_VALUE);
            } else {
                secret.remove(field);
            }
        }
    }

    private static void redactEntries(Map<String, Object> entries) {
        KubeObjects.replaceValues(
                entries, (key, value) -> value instanceof String text ? redactEntry(key, text) : value);
    }

    private static Object redactEntry(String key, String value) {
        if (looksSensitive(key, value)) {
            return MARKER;
        }
        // a config file inside a ConfigMap: redact line by line so the rest stays readable
        if (value.contains("\n")) {
            var lines = value.split("\n", -1);
            var changed = false;
            for (int i = 0; i < lines.length; i++) {
                var redacted = redactLine(lines[i]);
                if (!redacted.equals(lines[i])) {
                    lines[i] = redacted;
                    changed = true;
                }
            }
            return changed ? String.join("\n", lines) : value;
        }
        return redactLine(value);
    }

    private static final Pattern KEY_VALUE_LINE =
            Pattern.compile("^(\\s*[\"']?([A-Za-z0-9_.-]+)[\"']?\\s*[:=]\\s*)(.+)$");

    private static String redactLine(String line) {
        var matcher = KEY_VALUE_LINE.matcher(line);
        if (matcher.matches()
                && looksSensitive(matcher.group(2), unquoted(matcher.group(3).trim()))) {
            return matcher.group(1) + MARKER;
        }
        var json = JSON_PAIR
                .matcher(line)
                .replaceAll(m -> Matcher.quoteReplacement(
                        looksSensitive(m.group(2), m.group(3)) ? m.group(1) + MARKER + m.group(4) : m.group()));
        return CREDENTIAL_VALUE.matcher(json).matches() ? MARKER : json;
    }

    private static String unquoted(String value) {
        var trimmed = value.endsWith(",") ? value.substring(0, value.length() - 1) : value;
        if (trimmed.length() >= 2
                && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
                        || trimmed.startsWith("'") && trimmed.endsWith("'"))) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static void redactAnnotations(Map<String, Object> metadata) {
        var annotations = KubeObjects.map(metadata, "annotations");
        KubeObjects.replaceValues(
                annotations,
                (key, value) -> value instanceof String text && looksSensitive(key, text) ? MARKER : value);
    }

    private static void walkPodSpecs(Map<String, Object> object) {
        var spec = KubeObjects.map(object, "spec");
        redactPodSpec(spec);
        var template = KubeObjects.map(spec, "template");
        redactAnnotations(KubeObjects.map(template, "metadata"));
        redactPodSpec(KubeObjects.map(template, "spec"));
        // a CronJob's job template has annotations of its own, which every Job it creates carries
        redactAnnotations(KubeObjects.map(KubeObjects.map(spec, "jobTemplate"), "metadata"));
        var jobTemplate = KubeObjects.map(KubeObjects.map(spec, "jobTemplate"), "spec");
        var cronTemplate = KubeObjects.map(jobTemplate, "template");
        redactAnnotations(KubeObjects.map(cronTemplate, "metadata"));
        redactPodSpec(KubeObjects.map(cronTemplate, "spec"));
    }

    private static void redactPodSpec(Map<String, Object> podSpec) {
        for (var field : List.of("containers", "initContainers", "ephemeralContainers")) {
            for (var container : KubeObjects.list(podSpec, field)) {
                if (container instanceof Map<?, ?>) {
                    @SuppressWarnings("unchecked")
                    var c = (Map<String, Object>) container;
                    redactContainer(c);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void redactContainer(Map<String, Object> container) {
        for (var env : KubeObjects.list(container, "env")) {
            if (env instanceof Map<?, ?> raw) {
                var variable = (Map<String, Object>) raw;
                if (variable.get("value") instanceof String value
                        && looksSensitive(KubeObjects.string(variable, "name"), value)) {
                    variable.put("value", MARKER);
                }
            }
        }
        for (var field : List.of("command", "args")) {
            var values = KubeObjects.list(container, field);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof String argument) {
                    values.set(i, redactArgument(argument));
                    if (i + 1 < values.size()
                            && values.get(i + 1) instanceof String next
                            && isCredentialFlag(argument)
                            && !next.startsWith("-")
                            && looksSensitive(argument, next)) {
                        values.set(++i, MARKER);
                    }
                }
            }
        }
    }

    private static boolean isCredentialFlag(String argument) {
        var matcher = LONE_FLAG.matcher(argument);
        return matcher.matches() && CredentialNames.isCredential(matcher.group(1));
    }

    private static String redactArgument(String argument) {
        // "--password-file=/run/secrets/db" names a file and "--token=$(TOKEN)" a variable: neither is a value
        var redacted = FLAG.matcher(argument).replaceAll(m -> Matcher.quoteReplacement(keepOrRedact(m, 2, 3)));
        redacted = ASSIGNMENT.matcher(redacted).replaceAll(m -> Matcher.quoteReplacement(keepOrRedact(m, 2, 3)));
        redacted = MYSQL_PASSWORD
                .matcher(redacted)
                .replaceAll(m -> Matcher.quoteReplacement(
                        isPathOrReference(m.group(2)) || m.group(2).equals(MARKER) ? m.group() : m.group(1) + MARKER));
        return CREDENTIAL_VALUE.matcher(redacted).matches() ? MARKER : redacted;
    }

    private static String keepOrRedact(java.util.regex.MatchResult match, int nameGroup, int valueGroup) {
        var value = unquoted(match.group(valueGroup));
        return looksSensitive(match.group(nameGroup), value) ? match.group(1) + MARKER : match.group();
    }
}
