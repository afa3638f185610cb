package io.clusterproof.snapshot;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import org.springframework.stereotype.Component;

/**
 * Builds the fabric8 client for one cluster definition. Each live cluster has its own kubeconfig
 * and context, so the client is made per collection and closed after it.
 */
@Component
class KubernetesClients {

    private final SnapshotProperties properties;

    KubernetesClients(SnapshotProperties properties) {
        this.properties = properties;
    }

    KubernetesClient connect(ClusterDefinition cluster) {
        var config = switch (cluster.sourceType()) {
            case KUBECONFIG -> kubeconfig(cluster);
            case IN_CLUSTER -> Config.autoConfigure(null);
            default -> throw new IllegalArgumentException(cluster.sourceType() + " is not a live source");
        };
        config.setRequestTimeout((int) properties.requestTimeout().toMillis());
        // fabric8 retries 429, 5xx and connection failures itself, with exponential back-off
        config.setRequestRetryBackoffLimit(properties.retries());
        config.setRequestRetryBackoffInterval((int) properties.retryInterval().toMillis());
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static Config kubeconfig(ClusterDefinition cluster) {
        var path = cluster.kubeconfigPath();
        if (path == null || path.isBlank()) {
            throw new SourceUnreachableException("no kubeconfig file is configured for cluster " + cluster.name());
        }
        var file = new File(path);
        if (!file.canRead()) {
            throw new SourceUnreachableException("kubeconfig file " + path + " does not exist or cannot be read");
        }
        var context = cluster.kubeContext() == null || cluster.kubeContext().isBlank() ? null : cluster.kubeContext();
        try {
            return Config.fromKubeconfig(context, file);
        } catch (RuntimeException e) {
            throw new SourceUnreachableException(
                    "kubeconfig file " + path + (context == null ? "" : " (context " + context + ")")
                            + " cannot be used: " + e.getMessage(),
                    e);
        }
    }
}
