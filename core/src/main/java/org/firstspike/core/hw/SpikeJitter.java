package org.firstspike.core.hw;

import java.util.SplittableRandom;

/**
 * Gaussian spike-time noise t <- t + N(0, sigma^2), drawn from a generator reseeded by a key before each pass so a
 * pass's noise is reproducible (and a retried distributed task draws the same). {@code sigma = 0}: no noise.
 */
public final class SpikeJitter {
    private final double sigma;
    private SplittableRandom random = new SplittableRandom(0);

    public SpikeJitter(double sigma) {
        this.sigma = sigma;
    }

    public boolean enabled() { return sigma > 0; }

    public void reseed(long key) {
        random = new SplittableRandom(key);
    }

    public double apply(double t) {
        return t + sigma * random.nextGaussian();
    }
}
