package io.failready.util;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Snapshots and reports may be gzipped whatever their name says: recognised by the magic bytes. */
public final class Gzip {
    private Gzip() {}

    /** Whether these bytes start with the gzip magic bytes. */
    public static boolean isGzip(byte[] bytes) {
        return bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /** The stream, inflated when it starts with the gzip magic bytes. */
    public static InputStream maybeInflate(InputStream raw) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        in.reset();
        return isGzip(new byte[] {(byte) b1, (byte) b2}) ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
