package io.clusterproof.evidence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** A file being written whose SHA-256 and size are known the moment it is closed. */
final class DigestingFile implements AutoCloseable {

    /** A finished file: name inside the pack, SHA-256 (hex) and size. */
    record Written(String name, Path path, String sha256, long size) {}

    private final String name;
    private final Path path;
    private final MessageDigest digest;
    private final DigestOutputStream out;
    private @Nullable Written written;

    DigestingFile(Path directory, String name) {
        this.name = name;
        this.path = directory.resolve(name);
        this.digest = sha256();
        try {
            this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024), digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OutputStream stream() {
        return out;
    }

    Written finish() {
        if (written == null) {
            close();
            try {
                written = new Written(name, path, HexFormat.of().formatHex(digest.digest()), Files.size(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return written;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
