package org.firstspike.core.train;

import java.util.SplittableRandom;

/** Seeded permutations: the order of epoch e depends only on (seed, e), so runs and resumes repeat exactly. */
public final class Shuffle {
    private Shuffle() {}

    public static int[] permutation(int n, long seed, int epoch) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
