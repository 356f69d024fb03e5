package org.firstspike.core.train;

/**
 * Linear warm-up from base/warmup to base over {@code warmupSteps}, then cosine annealing to 0 at {@code totalSteps}
 * ({@code cosine}), or constant after warm-up. Indexed by the global optimizer step, so it is the same for one
 * worker or many.
 */
public record LearningRateSchedule(double base, long warmupSteps, long totalSteps, boolean cosine) {
    public LearningRateSchedule {
        if (!(base > 0)) throw new IllegalArgumentException("train.lr must be > 0, got " + base);
        if (warmupSteps < 0 || totalSteps < 1) throw new IllegalArgumentException("bad schedule lengths");
    }

    public double at(long step) {
        if (step < warmupSteps) return base * (step + 1) / warmupSteps;
        if (!cosine) return base;
        long span = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / span);
        return base * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
