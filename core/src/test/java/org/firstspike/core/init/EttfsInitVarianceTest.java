package org.firstspike.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** ETTFS-init (spec 1.4): a layer fed one spike per input in T steps gets unit current variance; Kaiming gets 2/T. */
class EttfsInitVarianceTest {
    private static final int IN = 800;
    private static final int OUT = 400;
    private static final int T = 8;

    @Test
    void ettfsInitGivesUnitCurrentVariance() {
        assertEquals(1.0, currentVariance(WeightInit.ETTFS), 0.05);
    }

    @Test
    void kaimingGivesTwoOverT() {
        assertEquals(2.0 / T, currentVariance(WeightInit.KAIMING), 0.02);
    }

    /** Var of I_i[t] = sum_j W_ij S_j[t] over outputs, steps and samples, each input spiking once at a random step. */
    private static double currentVariance(WeightInit init) {
        Random rng = new Random(1);
        float[] w = new float[OUT * IN];
        init.fill(w, new int[] {OUT, IN}, T, rng);
        double sum = 0;
        double sq = 0;
        long count = 0;
        int[] step = new int[IN];
        for (int sample = 0; sample < 20; sample++) {
            for (int j = 0; j < IN; j++) step[j] = rng.nextInt(T);
            for (int t = 0; t < T; t++)
                for (int i = 0; i < OUT; i++) {
                    double cur = 0;
                    for (int j = 0; j < IN; j++) if (step[j] == t) cur += w[i * IN + j];
                    sum += cur;
                    sq += cur * cur;
                    count++;
                }
        }
        double mean = sum / count;
        return sq / count - mean * mean;
    }
}
