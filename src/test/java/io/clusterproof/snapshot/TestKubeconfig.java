package io.clusterproof.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig file for a test API server, as an administrator would register it. */
final class TestKubeconfig {

    private TestKubeconfig() {}

    static Path write(Path file, String name, String server) {
        var text = """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: %1$s
                    cluster:
                      server: %2$s
                contexts:
                  - name: %1$s
                    context: {cluster: %1$s, user: collector}
                current-context: %1$s
                users:
                  - name: collector
                    user: {token: test-only-token}
                """.formatted(name, server);
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
