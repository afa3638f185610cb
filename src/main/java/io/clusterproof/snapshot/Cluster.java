package io.clusterproof.snapshot;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
class Cluster {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String name;
    private @Nullable String description;
    private @Nullable String environment;
    private @Nullable String owner;
    private @Nullable String labels;

    @Enumerated(EnumType.STRING)
    private SourceType sourceType;

    private @Nullable String kubeconfigPath;
    private @Nullable String kubeContext;
    private @Nullable String manifestPath;
    private String scheduleCron;
    private boolean enabled;
    private @Nullable Instant nextRunAt;
    private Instant createdAt;

    @Version
    private long version;

    protected Cluster() {
        this.name = "";
        this.sourceType = SourceType.UPLOAD;
        this.scheduleCron = "";
        this.createdAt = Instant.EPOCH;
    }

    Cluster(ClusterDefinition definition, Instant createdAt) {
        this.name = definition.name();
        this.sourceType = definition.sourceType();
        this.scheduleCron = definition.scheduleCron();
        this.createdAt = createdAt;
        apply(definition);
    }

    void apply(ClusterDefinition definition) {
        this.name = definition.name();
        this.description = definition.description();
        this.environment = definition.environment();
        this.owner = definition.owner();
        this.labels = definition.labels();
        this.sourceType = definition.sourceType();
        this.kubeconfigPath = definition.kubeconfigPath();
        this.kubeContext = definition.kubeContext();
        this.manifestPath = definition.manifestPath();
        this.scheduleCron = definition.scheduleCron();
        this.enabled = definition.enabled();
    }

    long id() {
        return id == null ? 0 : id;
    }

    String name() {
        return name;
    }

    SourceType sourceType() {
        return sourceType;
    }

    String scheduleCron() {
        return scheduleCron;
    }

    boolean enabled() {
        return enabled;
    }

    @Nullable
    Instant nextRunAt() {
        return nextRunAt;
    }

    void scheduleNext(@Nullable Instant next) {
        this.nextRunAt = next;
    }

    ClusterDefinition definition() {
        return new ClusterDefinition(
                name,
                description,
                environment,
                owner,
                labels,
                sourceType,
                kubeconfigPath,
                kubeContext,
                manifestPath,
                scheduleCron,
                enabled);
    }

    String auditState() {
        return definition().auditState();
    }

    Instant createdAt() {
        return createdAt;
    }
}
