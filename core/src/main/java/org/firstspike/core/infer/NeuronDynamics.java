package org.firstspike.core.infer;

import org.firstspike.core.neuron.NeuronConfig;
import org.firstspike.core.neuron.NeuronModel;

/**
 * The sub-threshold dynamics of a TTFS neuron in closed form. Between inputs a neuron only sees its constant drive
 * (the bias, or the analog current of a direct-encoded first layer), so its potential after any number of quiet
 * steps, and the step at which that drive alone would carry it over the threshold, are formulas: the event-driven
 * engine updates a neuron only when input arrives and schedules its predicted crossing instead of stepping it.
 */
interface NeuronDynamics {
    /** What {@link #stepsToCross} returns when the drive alone never reaches the threshold within the horizon. */
    int NEVER = Integer.MAX_VALUE;

    /** H after {@code steps} steps in which the only input is the constant {@code drive}, starting from {@code v}. */
    double drift(double v, int steps, double drive);

    /** H after one step with input current {@code current} (the drive plus what arrived), starting from {@code v}. */
    double step(double v, double current);

    /** A first guess of the smallest k >= 1 with drift(v, k, drive) >= threshold, or NEVER; refined by {@link #stepsToCross}. */
    long estimateCrossing(double v, double drive, double threshold);

    /**
     * Smallest k in 1..horizon with drift(v, k, drive) >= threshold, or NEVER. The closed-form estimate is checked
     * against {@link #drift} and moved by a step where rounding put it on the wrong side.
     */
    default int stepsToCross(double v, double drive, double threshold, int horizon) {
        long guess = estimateCrossing(v, drive, threshold);
        if (horizon < 1 || guess == NEVER || guess > horizon + 1L) return NEVER;
        int k = (int) Math.max(1, Math.min(guess, horizon));
        while (k > 1 && drift(v, k - 1, drive) >= threshold) k--;
        while (k <= horizon && drift(v, k, drive) < threshold) k++;
        return k <= horizon ? k : NEVER;
    }

    static NeuronDynamics of(NeuronConfig config, int timeSteps) {
        return config.model() == NeuronModel.IF ? new IntegrateAndFire() : new LeakyIntegrateAndFire(config.tau(), timeSteps);
    }
}
