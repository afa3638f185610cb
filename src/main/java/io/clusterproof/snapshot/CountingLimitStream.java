package io.clusterproof.snapshot;

import io.clusterproof.base.TooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through and fails with a {@link TooLargeException} once more than the limit went by. */
final class CountingLimitStream extends FilterInputStream {

    private final long limit;
    private final String message;
    private long count;

    /** @param message what to say once the limit is passed: it names the input and the limit */
    CountingLimitStream(InputStream in, long limit, String message) {
        super(in);
        this.limit = limit;
        this.message = message;
    }

    @Override
    public int read() throws IOException {
        var b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        var n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        var skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    long count() {
        return count;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw new TooLargeException(message);
        }
    }
}
