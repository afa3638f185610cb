package io.clusterproof.assessment;

import com.google.protobuf.Timestamp;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelFunctionResolver;
import dev.cel.runtime.CelLateFunctionBindings;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CheckVariables;
import io.clusterproof.catalog.CompiledCheck;
import io.clusterproof.snapshot.MissingKind;
import io.clusterproof.snapshot.ResourceKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Assesses a set of objects against the catalog. Pure: no storage, no Spring, so the web
 * application and the {@code scan} command use the same engine. Objects are evaluated in parallel;
 * compiled programs are shared, variables are per object.
 */
public final class AssessmentEngine {

    /** The {@code apiVersion} of the object that stands for the cluster as a whole. */
    public static final String CLUSTER_API_VERSION = "clusterproof.io/v1";

    private final Catalog catalog;
    private final Set<String> systemNamespaces;
    private final Map<String, List<CompiledCheck>> checksByKind = new HashMap<>();

    public AssessmentEngine(Catalog catalog, Collection<String> systemNamespaces) {
        this.catalog = catalog;
        this.systemNamespaces = Set.copyOf(systemNamespaces);
        for (var check : catalog.checks()) {
            for (var kind : check.kinds()) {
                checksByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(check);
            }
        }
    }

    /** The digest of the catalog this engine assesses with. */
    public String catalogDigest() {
        return catalog.digest();
    }

    /** Receives the findings of an assessment a batch at a time, as the engine produces them. */
    @FunctionalInterface
    public interface FindingSink {
        void accept(List<Finding> batch);
    }

    /** An assessment whose findings went to a {@link FindingSink}: their number, and the scores. */
    public record Outcome(
            String catalogDigest, int findingCount, List<ControlResult> controls, List<FrameworkScore> scores) {}

    /** Objects evaluated together; their findings are handed on and forgotten before the next ones. */
    private static final int OBJECTS_PER_BATCH = 2_000;

    private static final Comparator<Finding> ORDER =
            Comparator.comparing(Finding::checkId).thenComparing(Finding::resource);

    /** Every finding in one list, sorted by check and resource. */
    public AssessmentResult assess(AssessmentInput input, FindingWaivers waivers, ControlAttestations attestations) {
        var findings = new ArrayList<Finding>();
        var outcome = assess(input, waivers, attestations, findings::addAll);
        findings.sort(ORDER);
        return new AssessmentResult(outcome.catalogDigest(), findings, outcome.controls(), outcome.scores());
    }

    /**
     * Streams the findings to {@code sink}, {@value #OBJECTS_PER_BATCH} objects' worth at a time
     * (each batch sorted by check and resource), keeping only their counts for the scores: memory
     * stays flat however many findings a large cluster gives.
     */
    public Outcome assess(
            AssessmentInput input, FindingWaivers waivers, ControlAttestations attestations, FindingSink sink) {
        var objects = new ArrayList<>(input.objects());
        var clusterName = input.clusterName();
        if (clusterName != null) {
            objects.add(clusterObject(input, clusterName));
        }
        // pods assessed for what they run beyond their controller's template are not looked up by
        // other rules: the snapshot's lookups stay what they were without them
        var index =
                new ObjectIndex(objects.stream().filter(o -> o.live() == null).toList());
        var scopes = new FrameworkScopes(catalog, index, systemNamespaces);
        var missing = missingKinds(input.missingKinds());
        var functions = functions(index);
        var now = Timestamp.newBuilder()
                .setSeconds(input.asOf().getEpochSecond())
                .setNanos(input.asOf().getNano())
                .build();
        var params = catalog.params();
        var builtIns = KubernetesBuiltIns.from(params);
        var counts = new FindingCounts();

        for (int from = 0; from < objects.size(); from += OBJECTS_PER_BATCH) {
            var results = new ConcurrentLinkedQueue<Finding>();
            objects.subList(from, Math.min(objects.size(), from + OBJECTS_PER_BATCH)).parallelStream()
                    .forEach(object -> {
                        var checks = checksByKind.getOrDefault(object.key().qualifiedKind(), List.of());
                        if (checks.isEmpty()) {
                            return;
                        }
                        var variables = new ObjectVariables(index, object, params, builtIns, now);
                        var podSpecPath = WorkloadShape.of(object).podSpecPath();
                        for (var check : checks) {
                            var clusterWide = check.definition().match().clusterWide();
                            if (!clusterWide && scopes.isSystem(object.scopeNamespace())) {
                                continue;
                            }
                            var frameworks = clusterWide ? scopes.all() : scopes.of(object.scopeNamespace());
                            var unavailable = unavailable(check.requiredKinds(), missing);
                            if (object.live() != null) {
                                if (unavailable == null) {
                                    var asRunning = CheckRunner.evaluate(
                                            check, object, variables, functions, podSpecPath, frameworks);
                                    beyondTemplate(
                                                    check,
                                                    object,
                                                    asRunning,
                                                    index,
                                                    params,
                                                    builtIns,
                                                    now,
                                                    functions,
                                                    frameworks)
                                            .ifPresent(results::add);
                                }
                                continue;
                            }
                            results.add(
                                    unavailable == null
                                            ? CheckRunner.evaluate(
                                                    check, object, variables, functions, podSpecPath, frameworks)
                                            : CheckRunner.finding(
                                                    check,
                                                    object,
                                                    FindingStatus.UNKNOWN,
                                                    "Needs " + unavailable.kind() + ", which could not be collected: "
                                                            + unavailable.reason(),
                                                    List.of(),
                                                    frameworks));
                        }
                    });
            hand(new ArrayList<>(results), waivers, counts, sink);
        }
        hand(uncollected(missing, scopes.all()), waivers, counts, sink);
        var outcome = Scoring.score(catalog, counts::byCheck, attestations, scopes.emptyScopes(objects));
        return new Outcome(catalog.digest(), counts.findings(), outcome.controls(), outcome.scores());
    }

    private static void hand(List<Finding> batch, FindingWaivers waivers, FindingCounts counts, FindingSink sink) {
        if (batch.isEmpty()) {
            return;
        }
        batch.replaceAll(f -> waive(f, waivers));
        batch.sort(ORDER);
        counts.add(batch);
        sink.accept(batch);
    }

    /** A check whose matched kind could not be collected gives one UNKNOWN finding standing for all of them. */
    private List<Finding> uncollected(Map<String, MissingKind> missing, Set<String> allFrameworks) {
        var findings = new ArrayList<Finding>();
        for (var check : catalog.checks()) {
            for (var kind : check.kinds()) {
                var gone = missing.get(kind);
                if (gone != null) {
                    var slash = kind.indexOf('/');
                    var key = new ResourceKey(
                            slash < 0 ? "" : kind.substring(0, slash),
                            slash < 0 ? kind : kind.substring(slash + 1),
                            "",
                            "(not collected)");
                    findings.add(new Finding(
                            check.id(),
                            FindingStatus.UNKNOWN,
                            check.definition().severity(),
                            key,
                            "",
                            kind + " could not be collected: " + gone.reason(),
                            List.of(),
                            allFrameworks,
                            "",
                            null));
                }
            }
        }
        return findings;
    }

    private static @Nullable MissingKind unavailable(List<String> required, Map<String, MissingKind> missing) {
        for (var kind : required) {
            var gone = missing.get(kind);
            if (gone != null) {
                return gone;
            }
        }
        return null;
    }

    /** Without the CRD list, no custom kind can be known to exist or not: all of them count as missing. */
    private Map<String, MissingKind> missingKinds(List<MissingKind> declared) {
        var missing = new LinkedHashMap<String, MissingKind>();
        declared.forEach(m -> missing.put(m.kind(), m));
        var crds = missing.get("CustomResourceDefinition");
        if (crds != null) {
            for (var check : catalog.checks()) {
                for (var kind : Stream.concat(check.kinds().stream(), check.requiredKinds().stream())
                        .collect(Collectors.toSet())) {
                    if (kind.contains("/")) {
                        missing.putIfAbsent(
                                kind,
                                new MissingKind(
                                        kind, "CustomResourceDefinitions could not be listed (" + crds.reason() + ")"));
                    }
                }
            }
        }
        return missing;
    }

    private static Finding waive(Finding finding, FindingWaivers waivers) {
        if (finding.status() != FindingStatus.FAIL) {
            return finding;
        }
        var waiver = waivers.waiverFor(finding);
        return waiver == null ? finding : finding.withStatus(FindingStatus.WAIVED, waiver);
    }

    // CEL asks for immutable bindings so it may cache them; these are built for one run and only read the index
    @SuppressWarnings("Immutable")
    private static CelFunctionResolver functions(ObjectIndex index) {
        return CelLateFunctionBindings.from(
                CelFunctionBinding.from(CheckVariables.OBJECTS_OF_KIND, String.class, kind -> index.bodies(kind)),
                CelFunctionBinding.from(
                        CheckVariables.OBJECTS_OF_KIND_IN_NAMESPACE,
                        String.class,
                        String.class,
                        (kind, namespace) -> index.bodies(kind, namespace)));
    }

    /**
     * A check fails on a pod for what the pod runs beyond its controller's template only when the pod
     * as it runs fails and the pod its controller asked for does not; otherwise the controller's own
     * finding says it all, and the pod adds nothing.
     */
    private static Optional<Finding> beyondTemplate(
            CompiledCheck check,
            AssessedObject pod,
            Finding asRunning,
            ObjectIndex index,
            Map<String, Object> params,
            KubernetesBuiltIns builtIns,
            Timestamp now,
            CelFunctionResolver functions,
            Set<String> frameworks) {
        var live = Objects.requireNonNull(pod.live());
        if (asRunning.status() != FindingStatus.FAIL) {
            return Optional.empty();
        }
        var asked = new AssessedObject(pod.key(), pod.apiVersion(), pod.digest(), live.templateBody());
        var asAsked = CheckRunner.evaluate(
                check, asked, new ObjectVariables(index, asked, params, builtIns, now), functions, "spec", frameworks);
        if (asAsked.status() == FindingStatus.FAIL) {
            return Optional.empty();
        }
        var message = "Beyond the template of " + live.owner().kind() + " "
                + live.owner().name() + " (" + String.join(", ", live.containers()) + "): " + asRunning.message();
        return Optional.of(new Finding(
                asRunning.checkId(),
                FindingStatus.FAIL,
                asRunning.severity(),
                asRunning.resource(),
                asRunning.apiVersion(),
                message,
                asRunning.paths(),
                asRunning.frameworks(),
                asRunning.digest(),
                null));
    }

    private static AssessedObject clusterObject(AssessmentInput input, String clusterName) {
        var body = new LinkedHashMap<String, Object>();
        body.put("apiVersion", CLUSTER_API_VERSION);
        body.put("kind", "Cluster");
        body.put("metadata", Map.of("name", clusterName));
        var status = new LinkedHashMap<String, Object>();
        if (input.kubernetesVersion() != null) {
            status.put("kubernetesVersion", input.kubernetesVersion());
        }
        body.put("status", status);
        return new AssessedObject(new ResourceKey("", "Cluster", "", clusterName), CLUSTER_API_VERSION, "", body);
    }
}
