package io.clusterproof.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A small gzip stream that inflates to far more: the start of a JSON object, then whitespace. */
public final class GzipBomb {

    private GzipBomb() {}

    /** Gzip of {@code start} followed by spaces, {@code bytes} in all once inflated. */
    public static byte[] of(String start, long bytes) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(out, 1 << 16)) {
            gzip.write(start.getBytes(StandardCharsets.UTF_8));
            var spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (long written = 0; written < bytes; written += spaces.length) {
                gzip.write(spaces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
