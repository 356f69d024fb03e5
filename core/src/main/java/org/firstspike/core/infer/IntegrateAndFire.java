package org.firstspike.core.infer;

/** IF: H[t] = V[t-1] + I[t]; under a constant drive d the potential grows linearly, v + k d. */
final class IntegrateAndFire implements NeuronDynamics {
    @Override public double drift(double v, int steps, double drive) { return v + steps * drive; }

    @Override public double step(double v, double current) { return v + current; }

    @Override
    public long estimateCrossing(double v, double drive, double threshold) {
        if (!(drive > 0)) return NEVER;
        double k = Math.ceil((threshold - v) / drive);
        return k >= NEVER ? NEVER : (long) k;
    }
}
