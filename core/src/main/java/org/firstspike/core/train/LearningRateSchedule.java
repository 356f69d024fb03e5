package org.firstspike.core.train;

/**
 * Linear warm-up from base/warmup to base over {@code warmupSteps}, then one of: cosine annealing to 0 at
 * {@code totalSteps}, constant, or exponential decay base * rate^((step - warmup) / decaySteps) (the B1 reference
 * code's Keras ExponentialDecay: 5e-4, 0.9 every 5000 steps). Indexed by the global optimizer step, so it is the
 * same for one worker or many.
 */
public record LearningRateSchedule(double base, long warmupSteps, long totalSteps, Kind kind, long decaySteps, double decayRate) {
    public enum Kind {
        COSINE, CONSTANT, EXPONENTIAL;

        public static Kind parse(String s) {
            return switch (s.toLowerCase()) {
                case "cosine" -> COSINE;
                case "constant" -> CONSTANT;
                case "exponential" -> EXPONENTIAL;
                default -> throw new IllegalArgumentException("train.schedule '" + s + "': expected cosine, constant or exponential");
            };
        }
    }

    public LearningRateSchedule {
        if (!(base > 0)) throw new IllegalArgumentException("train.lr must be > 0, got " + base);
        if (warmupSteps < 0 || totalSteps < 1) throw new IllegalArgumentException("bad schedule lengths");
    }

    public double at(long step) {
        if (step < warmupSteps) return base * (step + 1) / warmupSteps;
        return switch (kind) {
            case CONSTANT -> base;
            case EXPONENTIAL -> base * Math.pow(decayRate, (double) (step - warmupSteps) / decaySteps);
            case COSINE -> {
                long span = Math.max(1, totalSteps - warmupSteps);
                double progress = Math.min(1.0, (double) (step - warmupSteps) / span);
                yield base * 0.5 * (1 + Math.cos(Math.PI * progress));
            }
        };
    }
}
