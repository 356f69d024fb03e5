package org.firstspike.core.infer;

/**
 * LIF: H[t] = V[t-1] + (I[t] - V[t-1]) / tau. Under a constant drive d the potential relaxes geometrically towards d,
 * d + (v - d) c^k with c = 1 - 1/tau, so it crosses the threshold only if d exceeds it, after
 * k = ceil(ln((d - theta) / (d - v)) / ln c) steps. The powers c^k are tabulated for k <= T.
 */
final class LeakyIntegrateAndFire implements NeuronDynamics {
    private final double invTau;
    private final double logCarry;
    private final double[] carryPowers;

    LeakyIntegrateAndFire(float tau, int timeSteps) {
        this.invTau = 1f / tau;  // the dense layer multiplies by the float 1/tau
        double carry = 1 - invTau;
        this.logCarry = Math.log(carry);
        this.carryPowers = new double[timeSteps + 2];
        carryPowers[0] = 1;
        for (int k = 1; k < carryPowers.length; k++) carryPowers[k] = carryPowers[k - 1] * carry;
    }

    @Override
    public double drift(double v, int steps, double drive) {
        return drive + (v - drive) * carryPowers[Math.min(steps, carryPowers.length - 1)];
    }

    @Override public double step(double v, double current) { return v + (current - v) * invTau; }

    @Override
    public long estimateCrossing(double v, double drive, double threshold) {
        if (!(drive > threshold)) return NEVER;
        double k = Math.ceil(Math.log((drive - threshold) / (drive - v)) / logCarry);
        return k >= NEVER ? NEVER : (long) Math.max(1, k);
    }
}
