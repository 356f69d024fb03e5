package org.firstspike.core.init;

import java.util.Random;

/**
 * Weight initialisation schemes, chosen per model. ETTFS-init (spec 1.4, Eq. 13-21): a layer fed one spike per input
 * in T steps gets Var[I] = n Var[W] / T, so W ~ U(-sqrt(3T/n), +sqrt(3T/n)) gives unit current variance.
 * Kaiming (He normal, fan-in): W ~ N(0, 2/n), which gives Var[I] = 2/T on spiking inputs. For the B1 / ReLU family
 * the reference code's Keras defaults: Glorot uniform U(+-sqrt(6/(fan_in + fan_out))) for FC layers and He uniform
 * U(+-sqrt(6/fan_in)) for convolutions ({@link #KERAS} picks by layer). Biases (and B1 thresholds D) start at 0.
 */
public enum WeightInit {
    ETTFS, KAIMING, GLOROT, HE, KERAS;

    /** {@code auto} is the family's default: ETTFS-init for ETTFS, Keras defaults for B1 / ReLU. */
    public static WeightInit parse(String s, boolean ettfsFamily) {
        return switch (s.toLowerCase()) {
            case "auto" -> ettfsFamily ? ETTFS : KERAS;
            case "ettfs" -> ETTFS;
            case "kaiming" -> KAIMING;
            case "glorot" -> GLOROT;
            case "he" -> HE;
            default -> throw new IllegalArgumentException("init.scheme '" + s + "': expected auto, ettfs, kaiming, glorot or he");
        };
    }

    /** Fills weights of shape [out][in] (FC) or [out][in][k][k] (conv). */
    public void fill(float[] w, int[] shape, int timeSteps, Random rng) {
        int receptive = 1;
        for (int i = 2; i < shape.length; i++) receptive *= shape[i];
        int fanIn = shape[1] * receptive;
        int fanOut = shape[0] * receptive;
        switch (this) {
            case GLOROT -> uniform(w, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
            case HE -> uniform(w, Math.sqrt(6.0 / fanIn), rng);
            case KERAS -> (shape.length > 2 ? HE : GLOROT).fill(w, shape, timeSteps, rng);
            case ETTFS -> uniform(w, Math.sqrt(3.0 * timeSteps / fanIn), rng);
            case KAIMING -> {
                double std = Math.sqrt(2.0 / fanIn);
                for (int i = 0; i < w.length; i++) w[i] = (float) (rng.nextGaussian() * std);
            }
        }
    }

    private static void uniform(float[] w, double bound, Random rng) {
        for (int i = 0; i < w.length; i++) w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
    }
}
