package io.clusterproof.snapshot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator registers.
 *
 * @param labels {@code key=value} per line, e.g. {@code region=eu-west-1}
 * @param scheduleCron Spring cron with seconds, e.g. {@code 0 0 2 * * *} for 02:00 daily
 */
public record ClusterDefinition(
        String name,
        @Nullable String description,
        @Nullable String environment,
        @Nullable String owner,
        @Nullable String labels,
        SourceType sourceType,
        @Nullable String kubeconfigPath,
        @Nullable String kubeContext,
        @Nullable String manifestPath,
        String scheduleCron,
        boolean enabled) {

    public Map<String, String> labelMap() {
        var map = new LinkedHashMap<String, String>();
        if (labels != null) {
            labels.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(line -> {
                var eq = line.indexOf('=');
                map.put(
                        eq < 0 ? line : line.substring(0, eq).trim(),
                        eq < 0 ? "" : line.substring(eq + 1).trim());
            });
        }
        return map;
    }

    /** The definition as the audit log records it: where the cluster is reached, never credentials. */
    String auditState() {
        return "source=" + sourceType
                + (kubeconfigPath == null ? "" : ", kubeconfig=" + kubeconfigPath)
                + (kubeContext == null ? "" : ", context=" + kubeContext)
                + (manifestPath == null ? "" : ", path=" + manifestPath)
                + ", schedule=" + scheduleCron + ", enabled=" + enabled
                + (environment == null ? "" : ", environment=" + environment)
                + (owner == null ? "" : ", owner=" + owner);
    }
}
