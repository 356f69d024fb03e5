package org.firstspike.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file (IDX dataset, event recording, model container) whose bytes do not match its format.
 *
 * <p>The message always has the shape {@code <source>: at byte <offset>: <what>} so that a user can
 * open the file in a hex viewer at the reported position; {@code what} says what was found there
 * and what was expected. The source is a name, not a {@link Path}, because inputs may live on any
 * Hadoop filesystem ({@code hdfs://...}).
 */
public final class MalformedInputException extends IOException {

    private final String source;
    private final long offset;

    /**
     * @param source the file being read (local path or filesystem URI)
     * @param offset byte position in the file (for gzipped input, in the decompressed stream) where
     *               the problem was detected
     * @param what   what was found and what was expected
     */
    public MalformedInputException(String source, long offset, String what) {
        super(source + ": at byte " + offset + ": " + what);
        this.source = source;
        this.offset = offset;
    }

    public MalformedInputException(Path file, long offset, String what) {
        this(file.toString(), offset, what);
    }

    /** The file being read, as named by the caller. */
    public String source() {
        return source;
    }

    /** Byte position where the problem was detected. */
    public long offset() {
        return offset;
    }

    /** What was found and what was expected, without the source and offset prefix. */
    public String what() {
        String prefix = source + ": at byte " + offset + ": ";
        return getMessage().substring(prefix.length());
    }
}
