package io.clusterproof.cli.agent;

import io.clusterproof.snapshot.AgentKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Optional;

/**
 * What an agent keeps between runs, in its state directory: the Ed25519 private key it signs
 * with, the credential the server gave it, and the cluster it registered for. The files are
 * readable by the agent's user only.
 */
final class AgentState {

    static final String KEY = "agent.key";
    static final String PUBLIC_KEY = "agent.pub";
    static final String CREDENTIAL = "credential";
    static final String CLUSTER = "cluster-id";

    record Registration(long clusterId, String credential, PrivateKey key) {}

    private final Path directory;

    AgentState(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** The saved registration, if this agent registered before. */
    Optional<Registration> registration() {
        if (!Files.exists(directory.resolve(CREDENTIAL))) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new Registration(Long.parseLong(read(CLUSTER)), read(CREDENTIAL), AgentKeys.privateKey(read(KEY))));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the agent state in " + directory + " is incomplete or damaged ("
                    + e.getMessage() + "); remove it and register again with a new token");
        }
    }

    void save(long clusterId, String credential, KeyPair keys) {
        try {
            Files.createDirectories(directory);
            write(KEY, AgentKeys.encode(keys.getPrivate()));
            write(PUBLIC_KEY, AgentKeys.encode(keys.getPublic()));
            write(CLUSTER, String.valueOf(clusterId));
            write(CREDENTIAL, credential);
        } catch (IOException e) {
            throw new UncheckedIOException("the agent state cannot be written to " + directory, e);
        }
    }

    private String read(String name) {
        try {
            return Files.readString(directory.resolve(name), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(directory.resolve(name) + " cannot be read", e);
        }
    }

    private void write(String name, String value) throws IOException {
        var file = directory.resolve(name);
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
    }
}
