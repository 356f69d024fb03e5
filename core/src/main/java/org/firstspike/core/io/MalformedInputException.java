package org.firstspike.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file (IDX dataset, model container) whose bytes do not match its format.
 *
 * <p>The message always has the shape {@code <file>: at byte <offset>: <what>} so that a user can
 * open the file in a hex viewer at the reported position; {@code what} says what was found there
 * and what was expected.
 */
public final class MalformedInputException extends IOException {

    private final Path file;
    private final long offset;

    /**
     * @param file   the file being read
     * @param offset byte position in the file (for gzipped input, in the decompressed stream) where
     *               the problem was detected
     * @param what   what was found and what was expected
     */
    public MalformedInputException(Path file, long offset, String what) {
        super(file + ": at byte " + offset + ": " + what);
        this.file = file;
        this.offset = offset;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** Byte position where the problem was detected. */
    public long offset() {
        return offset;
    }
}
