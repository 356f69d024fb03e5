package org.firstspike.prep.tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/** Column names of the prepared-dataset Parquet schema, shared by the Spark writer and the Spark-free reader. */
public final class TensorColumns {
    public static final String SAMPLE_ID = "sample_id";
    public static final String SOURCE = "source";
    public static final String SOURCE_INDEX = "source_index";
    public static final String LABEL = "label";
    public static final String SPLIT = "split";
    public static final String SHAPE = "shape";
    public static final String ENCODING = "encoding";
    public static final String TIME_STEPS = "time_steps";
    public static final String DTYPE = "dtype";
    public static final String DATA = "data";
    public static final String EVENTS = "events";

    /** Column descriptions, written into metadata.json so the dataset documents itself. */
    public static Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SAMPLE_ID, "string: <path in corpus>#<index in source>, unique");
        m.put(SOURCE, "string: input file URI");
        m.put(SOURCE_INDEX, "int: position of the sample in its source (image index, label row)");
        m.put(LABEL, "int: class index, 0-based (see classes)");
        m.put(SPLIT, "string: train or test");
        m.put(SHAPE, "array<int>: (T, C, H, W) of data");
        m.put(ENCODING, "string: frames (event counts), direct (8-bit intensities) or latency (spike step per pixel, 255 = none)");
        m.put(TIME_STEPS, "int: T the sample feeds (frames per sample; 1 for direct; the latency code's T)");
        m.put(DTYPE, "string: NumPy dtype of data, little-endian (|u1, <u2 or <i4)");
        m.put(DATA, "binary: dense tensor of shape, C order");
        m.put(EVENTS, "long: events counted into the frames (0 for images)");
        return m;
    }

    private TensorColumns() {}
}
