package org.firstspike.prep.job;

import java.io.IOException;
import java.io.Serializable;
import java.util.function.Consumer;
import org.firstspike.prep.tensor.SampleRecord;

/**
 * What a prep task does with one planned input, in three phases that {@link SampleIterator} runs and times: read the
 * files, decode them, emit the samples. A {@link org.firstspike.core.io.MalformedInputException} thrown by any phase
 * is a bad input, handled by the policy.
 *
 * @param <U> the planned input
 * @param <D> what decoding it yields
 */
interface TaskBody<U, D> extends Serializable {
    /** The report of a unit before processing: its split, source and position. */
    SourceReport newReport(U unit);

    /** Bytes of input a unit reads, to balance tasks. */
    long bytes(U unit);

    String split(U unit);

    /** The main file of the unit. */
    String path(U unit);

    /** A second file read with it (labels), or null. */
    String companion(U unit);

    D decode(U unit, InputFiles files, SourceReport report) throws IOException;

    void emit(U unit, D decoded, SourceReport report, Consumer<SampleRecord> out) throws IOException;
}
