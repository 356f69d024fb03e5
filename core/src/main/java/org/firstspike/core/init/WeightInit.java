package org.firstspike.core.init;

import java.util.Random;

/**
 * Weight initialisation schemes, chosen per model. ETTFS-init (spec 1.4, Eq. 13-21): a layer fed one spike per input
 * in T steps gets Var[I] = n Var[W] / T, so W ~ U(-sqrt(3T/n), +sqrt(3T/n)) gives unit current variance.
 * Kaiming (He normal, fan-in): W ~ N(0, 2/n), which gives Var[I] = 2/T on spiking inputs. Biases start at 0.
 */
public enum WeightInit {
    ETTFS, KAIMING;

    public static WeightInit parse(String s) {
        return switch (s.toLowerCase()) {
            case "ettfs" -> ETTFS;
            case "kaiming" -> KAIMING;
            default -> throw new IllegalArgumentException("init '" + s + "': expected ettfs or kaiming");
        };
    }

    public void fill(float[] w, int fanIn, int timeSteps, Random rng) {
        switch (this) {
            case ETTFS -> {
                double bound = Math.sqrt(3.0 * timeSteps / fanIn);
                for (int i = 0; i < w.length; i++) w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            case KAIMING -> {
                double std = Math.sqrt(2.0 / fanIn);
                for (int i = 0; i < w.length; i++) w[i] = (float) (rng.nextGaussian() * std);
            }
        }
    }
}
