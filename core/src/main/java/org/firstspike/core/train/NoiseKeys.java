package org.firstspike.core.train;

/** Seeds for the random draws of a forward pass (spike-time jitter), mixed from what identifies the pass. */
public final class NoiseKeys {
    /** Stream of evaluation passes, apart from every training stream (partitions are non-negative). */
    public static final long EVALUATION = -1;

    private NoiseKeys() {}

    public static long of(long seed, long stream, long index) {
        return mix(mix(mix(seed) ^ stream) ^ index);
    }

    /** SplitMix64's finalizer: nearby inputs give unrelated keys. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
