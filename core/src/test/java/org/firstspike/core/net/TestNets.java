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

    public static Network network(Settings s, long seed) {
        return new Network(ModelConfigs.from(s), seed);
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
}
