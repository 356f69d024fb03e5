package org.firstspike.core.encode;

import org.firstspike.core.layer.Activation;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.layer.Shape;

/**
 * How a sample becomes the input of the first synaptic layer.
 * DIRECT: the analog image (in [0,1]) is the input current at every step; the first TTFS layer acts as the latency
 * encoder (ETTFS best reading). LATENCY: one spike per non-zero pixel at step round((1 - x)(T - 1)).
 * FRAMES: the sample already holds T time-binned frames (DVS recordings), sample-major [t][feature].
 */
public enum InputEncoding {
    DIRECT, LATENCY, FRAMES;

    public static InputEncoding parse(String s) {
        return switch (s.toLowerCase()) {
            case "direct" -> DIRECT;
            case "latency" -> LATENCY;
            case "frames" -> FRAMES;
            default -> throw new IllegalArgumentException("encoding '" + s + "': expected direct, latency or frames");
        };
    }

    /** Floats per sample this encoding expects from the data. */
    public int sampleLength(Shape shape, int timeSteps) {
        return this == FRAMES ? timeSteps * shape.size() : shape.size();
    }

    /** LATENCY's spike step for intensity {@code x}: round((1 - x)(T - 1)), or -1 (no spike) for x <= 0. */
    public static int latencyStep(float x, int timeSteps) {
        return x > 0f ? Math.round((1f - Math.min(x, 1f)) * (timeSteps - 1)) : -1;
    }

    public Activation encode(float[] samples, int batch, Shape shape, int timeSteps, Engine engine) {
        int f = shape.size();
        return switch (this) {
            case DIRECT -> {
                Activation once = Activation.dense(samples, 1, batch, shape);
                yield engine.structured() ? once : once.expand(timeSteps);
            }
            case LATENCY -> {
                float[] out = new float[timeSteps * batch * f];
                int[] step = new int[batch * f];
                for (int i = 0; i < batch * f; i++) {
                    int t = latencyStep(samples[i], timeSteps);
                    step[i] = t;
                    if (t >= 0) out[t * batch * f + i] = 1f;
                }
                yield new Activation(out, timeSteps, batch, shape, step);
            }
            case FRAMES -> {
                float[] out = new float[timeSteps * batch * f];
                for (int b = 0; b < batch; b++)
                    for (int t = 0; t < timeSteps; t++)
                        System.arraycopy(samples, (b * timeSteps + t) * f, out, (t * batch + b) * f, f);
                yield Activation.dense(out, timeSteps, batch, shape);
            }
        };
    }
}
