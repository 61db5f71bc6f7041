package io.glimmer.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * A whole input in one array for {@link ChunkedCsv}, or as much of it as could be read: up to the largest array, or
 * up to a read error. {@link #replay} gives the sequential reader the same input again, the error included, so that
 * it fails where and as it always did.
 */
final class InMemoryBytes {
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 64;

    private final byte[] array;
    private final int length;
    private final InputStream rest;     // what was not read (the input was too large), else null
    private final IOException failure;  // the error reading stopped at, else null

    private InMemoryBytes(byte[] array, int length, InputStream rest, IOException failure) {
        this.array = array;
        this.length = length;
        this.rest = rest;
        this.failure = failure;
    }

    static InMemoryBytes read(InputStream in) {
        byte[] buffer = new byte[initialSize(in)];
        int length = 0;
        try {
            while (true) {
                if (length == buffer.length) {
                    if (length == MAX_ARRAY) {
                        return new InMemoryBytes(buffer, length, in, null);
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_ARRAY, 2L * length));
                }
                int k = in.read(buffer, length, buffer.length - length);
                if (k < 0) {
                    return new InMemoryBytes(buffer, length, null, null);
                }
                length += k;
            }
        } catch (IOException e) {
            return new InMemoryBytes(buffer, length, null, e);
        }
    }

    /** The bytes left to read in a file (one more, to see its end without growing); a guess for other streams. */
    private static int initialSize(InputStream in) {
        try {
            return (int) Math.min(MAX_ARRAY, Math.max(1 << 16, in.available() + 1L));
        } catch (IOException e) {
            return 1 << 16;
        }
    }

    /** Whether the array holds the whole input. */
    boolean complete() {
        return rest == null && failure == null;
    }

    byte[] array() {
        return array;
    }

    int length() {
        return length;
    }

    /** The input again from its start: the bytes read, then the rest of the input or the error reading stopped at. */
    InputStream replay() {
        InputStream read = new ByteArrayInputStream(array, 0, length);
        if (rest != null) {
            return new SequenceInputStream(read, rest);
        }
        if (failure != null) {
            return new SequenceInputStream(read, new InputStream() {
                @Override
                public int read() throws IOException {
                    throw failure;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    throw failure;
                }
            });
        }
        return read;
    }
}
