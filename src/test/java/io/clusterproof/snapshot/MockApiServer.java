package io.clusterproof.snapshot;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * fabric8's mock Kubernetes API server in CRUD mode, with paging, on a real loopback port: the
 * collector talks HTTP to it exactly as to a cluster. Tests fill it through a fabric8 client.
 */
public final class MockApiServer implements AutoCloseable {

    public final PagingCrudDispatcher dispatcher = new PagingCrudDispatcher();
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public MockApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        client = server.createClient();
    }

    public KubernetesClient client() {
        return client;
    }

    String url() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** Stores built-in objects in process (fast: for large synthetic clusters). */
    public void load(List<Map<String, Object>> objects) {
        for (var object : objects) {
            var kind = KubernetesKinds.BUILT_IN.stream()
                    .filter(k -> k.apiVersion().equals(object.get("apiVersion"))
                            && k.kind().equals(object.get("kind")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a built-in kind: " + object.get("kind")));
            var namespace = KubeObjects.string(KubeObjects.map(object, "metadata"), "namespace");
            var prefix =
                    kind.group().isEmpty() ? "/api/" + kind.version() : "/apis/" + kind.group() + "/" + kind.version();
            var path = prefix + (kind.namespaced() ? "/namespaces/" + namespace : "") + "/" + kind.plural();
            dispatcher.load(path, object);
        }
    }

    /** Creates built-in objects (typed or generic). */
    void create(HasMetadata... objects) {
        for (var object : objects) {
            client.resource(object).create();
        }
    }

    /** Creates a custom resource under its group, version and plural. */
    void createCustom(GenericKubernetesResource resource, String plural, boolean namespaced) {
        var apiVersion = resource.getApiVersion();
        var slash = apiVersion.indexOf('/');
        var context = new ResourceDefinitionContext.Builder()
                .withGroup(apiVersion.substring(0, slash))
                .withVersion(apiVersion.substring(slash + 1))
                .withKind(resource.getKind())
                .withPlural(plural)
                .withNamespaced(namespaced)
                .build();
        var operation = client.genericKubernetesResources(context);
        if (namespaced) {
            operation
                    .inNamespace(resource.getMetadata().getNamespace())
                    .resource(resource)
                    .create();
        } else {
            operation.resource(resource).create();
        }
    }

    /** A kubeconfig file pointing at this server, as an administrator would register it. */
    /** Writes one entry of a ConfigMap through the API, as kubectl would: the object gets a new version. */
    public void putConfigMapEntry(String namespace, String name, String key, String value) {
        var configMap =
                client().configMaps().inNamespace(namespace).withName(name).get();
        configMap.getData().put(key, value);
        client().configMaps().inNamespace(namespace).resource(configMap).update();
    }

    public Path kubeconfig(Path directory) {
        var file = directory.resolve("kubeconfig-" + server.getPort() + ".yaml");
        return TestKubeconfig.write(file, "mock", url());
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
