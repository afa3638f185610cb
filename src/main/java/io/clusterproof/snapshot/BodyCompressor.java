package io.clusterproof.snapshot;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzips body after body with one zlib state, reset between bodies: setting up a new {@link
 * Deflater} for every body of a collection costs about as much as compressing it. The output is
 * an ordinary gzip member, as {@link CanonicalJson#gzip} writes it. Not thread-safe.
 */
final class BodyCompressor {

    private static final byte[] HEADER = Arrays.copyOf(CanonicalJson.gzip(new byte[0]), 10);

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[8192];

    byte[] gzip(byte[] bytes) {
        deflater.reset();
        crc.reset();
        crc.update(bytes);
        deflater.setInput(bytes);
        deflater.finish();
        var out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        out.write(HEADER, 0, HEADER.length);
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, bytes.length);
        return out.toByteArray();
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
