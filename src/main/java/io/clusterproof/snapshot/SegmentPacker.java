package io.clusterproof.snapshot;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Packs the new bodies of a snapshot into segments: each segment is one gzip stream of canonical
 * bodies back to back, up to {@link #SEGMENT_BYTES} of JSON. Bodies that look alike (the pods of a
 * deployment, one chart in every namespace) compress against each other, so a segment is a
 * fraction of the size of the same bodies gzipped one by one, and the compressor runs once per
 * segment instead of once per body. A body is found again by its segment and its offset in the
 * segment's uncompressed bytes ({@link Location}). Not thread-safe.
 */
final class SegmentPacker {

    /** Uncompressed bytes after which a segment is closed: one body read inflates at most this much. */
    static final int SEGMENT_BYTES = 256 * 1024;

    private static final byte[] GZIP_HEADER = Arrays.copyOf(CanonicalJson.gzip(new byte[0]), 10);

    /** Where a body is: the index of its segment in this packer, and its place in that segment's bytes. */
    record Location(int segment, int offset, int size) {}

    /** A closed segment: the gzip stream, and the size of what it inflates to. */
    record Segment(byte[] gzip, int size) {}

    private final List<Segment> closed = new ArrayList<>();
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[16 * 1024];
    private ByteArrayOutputStream open = new ByteArrayOutputStream(0);
    private int openSize = -1;

    Location add(byte[] body) {
        if (openSize < 0) {
            start();
        }
        var location = new Location(closed.size(), openSize, body.length);
        crc.update(body);
        deflater.setInput(body);
        while (!deflater.needsInput()) {
            open.write(buffer, 0, deflater.deflate(buffer));
        }
        openSize += body.length;
        if (openSize >= SEGMENT_BYTES) {
            close();
        }
        return location;
    }

    /** Every segment, the open one closed first; bodies added afterwards go into a new segment. */
    List<Segment> segments() {
        if (openSize >= 0) {
            close();
        }
        return List.copyOf(closed);
    }

    /** The segment at {@code index}, closing it first if it is the open one. */
    Segment segment(int index) {
        if (index == closed.size() && openSize >= 0) {
            close();
        }
        return closed.get(index);
    }

    private void start() {
        open = new ByteArrayOutputStream(SEGMENT_BYTES / 8);
        open.write(GZIP_HEADER, 0, GZIP_HEADER.length);
        deflater.reset();
        crc.reset();
        openSize = 0;
    }

    private void close() {
        deflater.finish();
        while (!deflater.finished()) {
            open.write(buffer, 0, deflater.deflate(buffer));
        }
        writeIntLittleEndian((int) crc.getValue());
        writeIntLittleEndian(openSize);
        closed.add(new Segment(open.toByteArray(), openSize));
        open = new ByteArrayOutputStream(0);
        openSize = -1;
    }

    private void writeIntLittleEndian(int value) {
        open.write(value);
        open.write(value >>> 8);
        open.write(value >>> 16);
        open.write(value >>> 24);
    }
}
