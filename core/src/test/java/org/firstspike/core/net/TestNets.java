package org.firstspike.core.net;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;

/** Small networks and inputs for tests. */
public final class TestNets {
    private TestNets() {}

    public static Settings settings(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
        return Settings.of(m);
    }

    public static EttfsNetwork network(Settings s, long seed) {
        return new EttfsNetwork(ModelConfigs.from(s), seed);
    }

    public static float[] uniform(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = r.nextFloat();
        return x;
    }

    public static int[] labels(int n, int classes, long seed) {
        Random r = new Random(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = r.nextInt(classes);
        return y;
    }

    /** Copies every parameter value of {@code from} into {@code to} (same config). */
    public static void copyParameters(Network from, Network to) {
        ParameterVector.setValues(to.parameters(), ParameterVector.values(from.parameters()));
    }

    /** A learnable toy task: two classes, a bright top half or a bright bottom half of a 4x4 image, with noise. */
    public static org.firstspike.core.data.SampleSet halves(int n, long seed) {
        float[] noise = uniform(n * 16, seed);
        return new org.firstspike.core.data.SampleSet() {
            @Override public int size() { return n; }
            @Override public int sampleLength() { return 16; }
            @Override public int label(int i) { return i % 2; }
            @Override public void copySample(int i, float[] dst, int off) {
                for (int p = 0; p < 16; p++) dst[off + p] = 0.5f * noise[i * 16 + p] + (((p < 8) == (i % 2 == 0)) ? 0.5f : 0f);
            }
        };
    }

    /**
     * An image-like task: each class has a prototype with a dark background (about 40 % zeros, which never spike) and
     * samples add noise, clipped to [0, 1]. The prototypes depend on (length, classes) only, so sets drawn with
     * different seeds are train and test splits of one task.
     */
    public static org.firstspike.core.data.SampleSet prototypes(int n, int length, int classes, long seed) {
        Random r = new Random(31L * length + classes);
        float[][] proto = new float[classes][length];
        for (float[] p : proto)
            for (int i = 0; i < length; i++) p[i] = r.nextFloat() < 0.4f ? 0f : r.nextFloat();
        float[] noise = uniform(n * length, seed + 1);
        int[] y = labels(n, classes, seed + 2);
        return new org.firstspike.core.data.SampleSet() {
            @Override public int size() { return n; }
            @Override public int sampleLength() { return length; }
            @Override public int label(int i) { return y[i]; }
            @Override public void copySample(int i, float[] dst, int off) {
                float[] p = proto[y[i]];
                for (int j = 0; j < length; j++)
                    dst[off + j] = p[j] == 0f ? 0f : Math.min(1f, Math.max(0f, p[j] + 0.8f * (noise[i * length + j] - 0.5f)));
            }
        };
    }

    /** Settings of a B1 (or, with family relu, ReLU) network. */
    public static Settings exact(String family, String input, String layers, int classes, String... more) {
        String[] kv = new String[8 + more.length];
        System.arraycopy(new String[] {"model.family", family, "model.input", input, "model.layers", layers,
                "model.classes", Integer.toString(classes)}, 0, kv, 0, 8);
        System.arraycopy(more, 0, kv, 8, more.length);
        return settings(kv);
    }
}
