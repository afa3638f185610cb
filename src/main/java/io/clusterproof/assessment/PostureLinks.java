package io.clusterproof.assessment;

import io.clusterproof.snapshot.ResourceKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The one place that knows how a posture page is addressed: a finding, a resource's findings or a
 * control, on a cluster, as of an assessment (the latest when none is given) or of a snapshot. Other
 * modules link with these paths; the posture views read the same parameter names back.
 */
public final class PostureLinks {

    public static final String CLUSTER = "cluster";
    public static final String ASSESSMENT = "assessment";
    public static final String SNAPSHOT = "snapshot";
    public static final String CHECK = "check";
    public static final String GROUP = "rgroup";
    public static final String KIND = "rkind";
    public static final String NAMESPACE = "rns";
    public static final String NAME = "rname";
    public static final String FRAMEWORK = "framework";
    public static final String REF = "ref";

    private PostureLinks() {}

    /** One finding: a check on a resource. */
    public static String finding(long clusterId, @Nullable Long assessmentId, String checkId, ResourceKey resource) {
        var query = scope(clusterId, ASSESSMENT, assessmentId);
        query.putAll(resourceParameters(checkId, resource));
        return path("finding", query);
    }

    /** Every finding of a resource. */
    public static String resource(long clusterId, @Nullable Long assessmentId, ResourceKey resource) {
        var query = scope(clusterId, ASSESSMENT, assessmentId);
        query.putAll(resourceParameters("", resource));
        return path("resource", query);
    }

    /** Every finding of a resource in the assessment of one snapshot. */
    public static String resourceInSnapshot(long clusterId, long snapshotId, ResourceKey resource) {
        var query = scope(clusterId, SNAPSHOT, snapshotId);
        query.putAll(resourceParameters("", resource));
        return path("resource", query);
    }

    /** One control of a framework. */
    public static String control(long clusterId, @Nullable Long assessmentId, String frameworkId, String ref) {
        var query = scope(clusterId, ASSESSMENT, assessmentId);
        query.put(FRAMEWORK, frameworkId);
        query.put(REF, ref);
        return path("control", query);
    }

    /** The parameters naming a resource and, unless blank, a check; blank values are left out. */
    public static Map<String, String> resourceParameters(String checkId, ResourceKey resource) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put(CHECK, checkId);
        parameters.put(GROUP, resource.group());
        parameters.put(KIND, resource.kind());
        parameters.put(NAMESPACE, resource.namespace());
        parameters.put(NAME, resource.name());
        parameters.values().removeIf(String::isBlank);
        return parameters;
    }

    private static Map<String, String> scope(long clusterId, String asOf, @Nullable Long id) {
        var query = new LinkedHashMap<String, String>();
        query.put(CLUSTER, String.valueOf(clusterId));
        if (id != null) {
            query.put(asOf, String.valueOf(id));
        }
        return query;
    }

    private static String path(String page, Map<String, String> query) {
        return page + "?"
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
