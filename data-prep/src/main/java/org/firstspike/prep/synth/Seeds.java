package org.firstspike.prep.synth;

/**
 * Derives independent seeds for samples from one run seed, so every sample's randomness depends only on (run seed,
 * purpose, index) and not on which thread generates it or in which order. Plain {@code seed + index} would not do:
 * {@link java.util.SplittableRandom} streams of nearby seeds overlap.
 */
public final class Seeds {
    private Seeds() {}

    public static long derive(long seed, long purpose, long index) {
        long h = mix(seed ^ 0x6A09E667F3BCC909L);
        h = mix(h ^ purpose * 0x9E3779B97F4A7C15L);
        return mix(h ^ index * 0xC2B2AE3D27D4EB4FL);
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
