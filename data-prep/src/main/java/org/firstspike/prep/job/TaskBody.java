package org.firstspike.prep.job;

import java.io.IOException;
import java.io.Serializable;
import java.util.function.Consumer;
import org.firstspike.prep.tensor.SampleRecord;

/**
 * What a prep task does with one planned input: read it, fill its report, and emit its samples. A
 * {@link org.firstspike.core.io.MalformedInputException} thrown here is a bad input, handled by the policy.
 */
interface TaskBody<U> extends Serializable {
    void process(U unit, SourceReport report, Consumer<SampleRecord> out) throws IOException;

    /** The report of a unit before processing: its split, source and position. */
    SourceReport newReport(U unit);

    /** Bytes of input a unit reads, to balance tasks. */
    long bytes(U unit);

    String split(U unit);
}
