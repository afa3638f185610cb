package io.clusterproof.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, valid catalog: frameworks, compiled checks, parameters, and the digest that
 * identifies this exact content.
 */
public final class Catalog {

    private final Map<String, FrameworkDefinition> frameworks;
    private final Map<String, CompiledCheck> checks;
    private final Map<String, Object> params;
    private final String digest;
    private final CelEnvironment environment;

    Catalog(
            List<FrameworkDefinition> frameworks,
            List<CompiledCheck> checks,
            Map<String, Object> params,
            String digest,
            CelEnvironment environment) {
        this.frameworks = new LinkedHashMap<>();
        frameworks.forEach(f -> this.frameworks.put(f.id(), f));
        this.checks = new LinkedHashMap<>();
        checks.forEach(c -> this.checks.put(c.id(), c));
        this.params = Map.copyOf(params);
        this.digest = digest;
        this.environment = environment;
    }

    public Collection<FrameworkDefinition> frameworks() {
        return frameworks.values();
    }

    public Optional<FrameworkDefinition> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    public Collection<CompiledCheck> checks() {
        return checks.values();
    }

    public Optional<CompiledCheck> check(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /** Organisation-specific values rules read as {@code params} (registries, regions, versions). */
    public Map<String, Object> params() {
        return params;
    }

    /** SHA-256 over every catalog file's path and content. */
    public String digest() {
        return digest;
    }

    public CelEnvironment environment() {
        return environment;
    }

    /** Controls (per framework id) that list a check. */
    public Map<String, List<String>> controlsOf(String checkId) {
        var result = new LinkedHashMap<String, List<String>>();
        for (var framework : frameworks.values()) {
            var refs = framework.controls().stream()
                    .filter(c -> c.mappedChecks().stream().anyMatch(m -> m.id().equals(checkId)))
                    .map(ControlDefinition::ref)
                    .toList();
            if (!refs.isEmpty()) {
                result.put(framework.id(), refs);
            }
        }
        return result;
    }
}
