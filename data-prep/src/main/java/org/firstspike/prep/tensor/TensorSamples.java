package org.firstspike.prep.tensor;

import java.util.List;
import org.firstspike.core.data.SampleSet;
import org.firstspike.prep.image.ImageCoding;

/**
 * Prepared samples kept in their stored, packed form and unpacked per batch: frames as event counts, direct images
 * as intensities in [0, 1], latency codes as T one-hot frames (exactly what core's LATENCY encoding feeds the
 * network for the same image).
 */
public final class TensorSamples implements SampleSet, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final List<byte[]> data;  // a serializable list (ArrayList): partitions of it are cached by Spark
    private final DType[] types;
    private final int[] labels;
    private final String encoding;
    private final int elements;
    private final int timeSteps;

    /**
     * @param elements  stored values per sample (product of its shape)
     * @param timeSteps T: frames per sample, 1 for direct, the latency code's T
     */
    public TensorSamples(List<byte[]> data, DType[] types, int[] labels, String encoding, int elements, int timeSteps) {
        if (data.size() != labels.length || types.length != labels.length)
            throw new IllegalArgumentException(data.size() + " tensors, " + types.length + " dtypes, " + labels.length + " labels");
        if (!List.of("frames", "direct", "latency").contains(encoding))
            throw new IllegalArgumentException("encoding '" + encoding + "': expected frames, direct or latency");
        this.data = data;
        this.types = types;
        this.labels = labels;
        this.encoding = encoding;
        this.elements = elements;
        this.timeSteps = timeSteps;
    }

    @Override public int size() { return labels.length; }

    @Override
    public int sampleLength() {
        return encoding.equals("latency") ? timeSteps * elements : elements;
    }

    @Override public int label(int index) { return labels[index]; }

    @Override
    public void copySample(int index, float[] dst, int offset) {
        byte[] d = data.get(index);
        switch (encoding) {
            case "frames" -> TensorBytes.toFloats(d, types[index], elements, dst, offset);
            case "direct" -> {
                for (int i = 0; i < elements; i++) dst[offset + i] = (d[i] & 0xFF) / 255f;
            }
            default -> {
                java.util.Arrays.fill(dst, offset, offset + timeSteps * elements, 0f);
                for (int i = 0; i < elements; i++) {
                    int step = d[i] & 0xFF;
                    if (step != ImageCoding.NO_SPIKE) dst[offset + step * elements + i] = 1f;
                }
            }
        }
    }
}
