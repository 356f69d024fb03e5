package org.firstspike.core.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset layout the trainers can read. Implementations outside core (data-prep's Parquet tensors) register
 * through {@link java.util.ServiceLoader}, so core stays free of Parquet and Spark.
 */
public interface DatasetFormat {
    /** Short name for messages, e.g. "idx". */
    String name();

    /** True when {@code dir} looks like a dataset of this format. */
    boolean recognizes(Path dir);

    /** Loads {@code split} ("train" or "test"), at most {@code limit} samples when positive. */
    DatasetSplit load(Path dir, String split, int limit) throws IOException;
}
