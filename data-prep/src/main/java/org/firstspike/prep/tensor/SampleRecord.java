package org.firstspike.prep.tensor;

import java.io.Serializable;

/**
 * One row of a prepared dataset (see {@link TensorColumns} for the schema and docs/DATA_FORMAT.md for readers).
 *
 * @param sampleId    unique within the dataset: the source's path in the corpus and the sample's index in it
 * @param source      the input file (filesystem URI)
 * @param sourceIndex position of the sample in its source (image index, label row)
 * @param label       class index, 0-based
 * @param split       "train" or "test"
 * @param shape       (T, C, H, W) of {@code data}
 * @param encoding    "frames" (event counts), "direct" (8-bit intensities) or "latency" (spike step per pixel)
 * @param timeSteps   T the sample feeds: frames per sample, 1 for direct, the latency code's T
 * @param dtype       NumPy dtype string of {@code data} (little-endian)
 * @param data        the tensor, dense, C order
 * @param events      events counted into the frames (0 for images)
 */
public record SampleRecord(String sampleId, String source, int sourceIndex, int label, String split, int[] shape,
                           String encoding, int timeSteps, String dtype, byte[] data, long events) implements Serializable {}
