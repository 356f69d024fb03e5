package org.firstspike.core.infer;

import java.util.Arrays;

/**
 * One layer of TTFS neurons in the event-driven engine. A neuron's state (potential H at its last update and that
 * step) changes only when input reaches it or when its predicted crossing comes due: between inputs its constant
 * drive (bias, or the analog current of a direct-encoded first layer) is integrated in closed form
 * ({@link NeuronDynamics}), and the step at which the drive alone would make it fire goes into a bucket queue with one
 * bucket per time step. Bias-only crossings from rest do not depend on the sample and are computed once.
 * <p>State is stamped with the sample number, so a new sample costs nothing for neurons it never reaches.
 */
final class EventNeurons implements Currents {
    private final int size;
    private final int steps;
    private final double threshold;
    private final boolean forceFireAtLastStep;
    private final NeuronDynamics dynamics;
    private final double[] bias;
    private final IntList[] crossingsFromRest;  // per step: neurons the bias alone fires there, starting from rest

    private double[] drive;
    private boolean fromRest;
    private final IntList[] schedule;
    private int sample;
    private long spikes;

    // per-neuron state, valid where stamp == sample
    private final int[] stamp;
    private final double[] potential;
    private final int[] lastStep;
    private final int[] spikeStep;  // real spike, -1 if none
    private final int[] crossing;   // scheduled step, -1 if none
    private final int[] forcedStamp;

    // input of the current step
    private final float[] pending;  // input current of this step, summed in float as the dense layers sum it
    private final long[] touchedTick;
    private final int[] touched;
    private int touchedCount;
    private long tick;
    private long allTouchedTick = -1;

    EventNeurons(int size, int steps, double threshold, boolean forceFireAtLastStep, NeuronDynamics dynamics, float[] bias) {
        this.size = size;
        this.steps = steps;
        this.threshold = threshold;
        this.forceFireAtLastStep = forceFireAtLastStep;
        this.dynamics = dynamics;
        this.bias = new double[size];
        for (int n = 0; n < size; n++) this.bias[n] = bias[n];
        this.crossingsFromRest = buckets(steps);
        this.schedule = buckets(steps);
        for (int n = 0; n < size; n++) {
            int k = dynamics.stepsToCross(0, this.bias[n], threshold, steps);
            if (k != NeuronDynamics.NEVER) crossingsFromRest[k - 1].add(n);
        }
        this.stamp = new int[size];
        this.potential = new double[size];
        this.lastStep = new int[size];
        this.spikeStep = new int[size];
        this.crossing = new int[size];
        this.forcedStamp = new int[size];
        this.pending = new float[size];
        this.touchedTick = new long[size];
        this.touched = new int[size];
        Arrays.fill(touchedTick, -1);
    }

    private static IntList[] buckets(int steps) {
        IntList[] b = new IntList[steps];
        for (int t = 0; t < steps; t++) b[t] = new IntList();
        return b;
    }

    int size() { return size; }

    /** Starts a sample with the bias as the only constant drive. */
    void startSample(int sampleNumber) {
        begin(sampleNumber);
        drive = bias;
        fromRest = true;
    }

    /**
     * Starts a sample whose constant drive is the bias plus what was just added as input (the analog current of a
     * direct-encoded first layer, computed once): every neuron's crossing is predicted from it.
     */
    void startSampleWithAddedDrive(int sampleNumber, double[] driveBuffer) {
        for (int n = 0; n < size; n++) {
            driveBuffer[n] = bias[n] + pending[n];
            pending[n] = 0;
        }
        begin(sampleNumber);
        drive = driveBuffer;
        fromRest = false;
        for (int n = 0; n < size; n++) {
            reset(n);
            schedule(n, -1, 0);
        }
    }

    private void begin(int sampleNumber) {
        sample = sampleNumber;
        spikes = 0;
        for (IntList b : schedule) b.clear();
    }

    private void reset(int n) {
        stamp[n] = sample;
        potential[n] = 0;
        lastStep[n] = -1;
        spikeStep[n] = -1;
        crossing[n] = -1;
    }

    /** Opens a time step for input; {@code stepTick} must differ from every earlier one. */
    void startStep(long stepTick) {
        tick = stepTick;
        touchedCount = 0;
    }

    @Override
    public void add(int n, double value) {
        if (touchedTick[n] != tick) {
            touchedTick[n] = tick;
            touched[touchedCount++] = n;
        }
        pending[n] += (float) value;
    }

    @Override
    public void addToAll(float[] w, int offset, double value) {
        allTouchedTick = tick;
        float v = (float) value;
        for (int n = 0; n < size; n++) pending[n] += v * w[offset + n];
    }

    /**
     * Runs step t: neurons that received input integrate it, then the scheduled crossings of this step fire, then
     * (option forceFireAtLastStep) every silent neuron is forced at the last step. Spikes go to {@code out}; returns
     * the real ones.
     */
    long update(int t, SpikeBuffer out) {
        long before = spikes;
        if (allTouchedTick == tick) {
            for (int n = 0; n < size; n++) receive(n, t, out);
        } else {
            for (int i = 0; i < touchedCount; i++) receive(touched[i], t, out);
        }
        IntList dueNow = schedule[t];
        for (int i = 0; i < dueNow.size(); i++) {
            int n = dueNow.get(i);
            if (stamp[n] == sample && spikeStep[n] < 0 && crossing[n] == t && lastStep[n] < t)
                settle(n, t, dynamics.drift(potential[n], t - lastStep[n], drive[n]), out);
        }
        if (fromRest) {
            IntList rest = crossingsFromRest[t];
            for (int i = 0; i < rest.size(); i++) {
                int n = rest.get(i);
                if (stamp[n] == sample) continue;  // input reached it: its own schedule decides
                reset(n);
                settle(n, t, dynamics.drift(0, t + 1, drive[n]), out);
            }
        }
        if (forceFireAtLastStep && t == steps - 1) {
            for (int n = 0; n < size; n++) {
                if (stamp[n] == sample && spikeStep[n] >= 0) continue;
                forcedStamp[n] = sample;
                out.add(n, 1f);
            }
        }
        return spikes - before;
    }

    private void receive(int n, int t, SpikeBuffer out) {
        double in = pending[n];
        pending[n] = 0;
        if (stamp[n] != sample) reset(n);
        if (spikeStep[n] >= 0) return;  // the firing mask: one spike per neuron
        double quiet = dynamics.drift(potential[n], t - lastStep[n] - 1, drive[n]);
        settle(n, t, dynamics.step(quiet, drive[n] + in), out);
    }

    /** H[t] = h: fire, or predict when the drive alone will make the neuron fire and schedule it. */
    private void settle(int n, int t, double h, SpikeBuffer out) {
        potential[n] = h;
        lastStep[n] = t;
        if (h >= threshold) {
            spikeStep[n] = t;
            spikes++;
            out.add(n, 1f);
        } else {
            schedule(n, t, h);
        }
    }

    private void schedule(int n, int t, double h) {
        int k = dynamics.stepsToCross(h, drive[n], threshold, steps - 1 - t);
        crossing[n] = k == NeuronDynamics.NEVER ? -1 : t + k;
        if (crossing[n] >= 0) schedule[crossing[n]].add(n);
    }

    /** Real spikes of this sample so far. */
    long spikes() { return spikes; }

    /** Step of neuron n's real spike in this sample, or -1. */
    int spikeStep(int n) { return stamp[n] == sample ? spikeStep[n] : -1; }

    /** Step of the spike the decoder counts: the real one, T-1 for a forced one, or -1. */
    int decodedStep(int n) {
        int s = spikeStep(n);
        return s >= 0 ? s : forcedStamp[n] == sample ? steps - 1 : -1;
    }

    /** H at the firing step, or at the last step for a neuron that did not fire (the dense decoder's tie-break). */
    double decisionPotential(int n) {
        if (stamp[n] != sample) return dynamics.drift(0, steps, drive[n]);
        if (spikeStep[n] >= 0) return potential[n];
        return dynamics.drift(potential[n], steps - 1 - lastStep[n], drive[n]);
    }
}
