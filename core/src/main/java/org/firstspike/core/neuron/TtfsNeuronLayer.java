package org.firstspike.core.neuron;

import java.util.Arrays;
import org.firstspike.core.exec.Workers;
import org.firstspike.core.layer.Activation;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.layer.Pass;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.surrogate.Surrogate;

/**
 * A layer of TTFS neurons (ETTFS Eq. 4-7): H[t] = V[t-1] + I[t] (IF) or V[t-1] + (I[t] - V[t-1])/tau (LIF),
 * S[t] = Theta(H[t] - V_th)(1 - M[t-1]), M[t] = M[t-1] or S[t], V[t] = H[t] (no reset: the mask makes the neuron
 * refractory after its one spike). The mask is detached in backward, so with s the firing step (T-1 if silent)
 * dL/dH[t] = dL/dS[t] g'(H[t] - V_th) + carry * dL/dH[t+1] for t <= s and 0 after it.
 * <p>A one-frame (constant) input current I is integrated without copying it T times, and its gradient is returned
 * summed over time, which lets the layer before it work once per pass. H[t] is then a fixed recurrence of one number,
 * so backward recomputes it instead of storing T potentials per neuron: dL/dI = sum_{t<=s} c[t] dL/dS[t] g'(H[t] - V_th)
 * with c[t] = dH[t]/dI = c[t-1] carry + gain.
 * <p>Neurons are independent, so both passes run over ranges of neurons on the compute threads. A constant input
 * goes neuron by neuron, each loop stopping at the firing step; a time-varying input goes in blocks of neurons, step
 * by step inside a block, so its T-row arrays are read along contiguous rows.
 */
public final class TtfsNeuronLayer implements Layer {
    private static final int BLOCK = 512;

    private final Shape shape;
    private final NeuronConfig config;
    private final boolean lif;
    private final float threshold;
    private final float invTau;
    private final Surrogate surrogate;

    // state of the last forward pass
    private int timeSteps;
    private int batch;
    private int elements;
    private boolean constant;
    private float[] current;     // input current
    private float[] potential;   // H[t], time-major; null for a constant input (recomputed)
    private float[] decision;    // H at the firing step, or at the last step for a silent neuron
    private int[] maskStep;      // step at which the mask closed (real or forced spike), -1 if never
    private boolean[] forced;    // forced last-step spikes; null when the option is off
    private float[] spikesOut;
    private long spikes;
    private long forcedSpikes;

    public TtfsNeuronLayer(Shape shape, NeuronConfig config) {
        this.shape = shape;
        this.config = config;
        this.lif = config.model() == NeuronModel.LIF;
        this.threshold = config.threshold();
        this.invTau = 1f / config.tau();
        this.surrogate = config.surrogate();
    }

    public NeuronConfig config() { return config; }

    @Override public Shape inputShape() { return shape; }

    @Override public Shape outputShape() { return shape; }

    @Override public String describe() { return config.model().name(); }

    @Override
    public Activation forward(Activation in, Pass pass) {
        int steps = pass.timeSteps();
        if (in.frames() != 1 && in.frames() != steps)
            throw new IllegalArgumentException("neuron layer: input has " + in.frames() + " frames, expected 1 or " + steps);
        timeSteps = steps;
        batch = in.batch();
        elements = batch * shape.size();
        constant = in.frames() == 1;
        current = in.data();
        potential = constant ? null : new float[steps * elements];
        decision = new float[elements];
        spikesOut = new float[steps * elements];
        maskStep = new int[elements];
        Arrays.fill(maskStep, -1);
        forced = config.forceFireAtLastStep() ? new boolean[elements] : null;
        spikes = Workers.count(elements, steps, this::integrate);
        forcedSpikes = 0;
        if (forced != null) for (boolean f : forced) if (f) forcedSpikes++;
        return new Activation(spikesOut, steps, batch, shape, config.smoothSpikes() ? null : maskStep.clone());
    }

    /**
     * Forward dynamics of neurons [from, to); returns their real spikes. Neurons go in blocks, step by step inside a
     * block, so every array is read along contiguous rows; a neuron that has fired is skipped from then on.
     */
    private long integrate(int from, int to) {
        if (constant) return integrateConstant(from, to);
        int steps = timeSteps;
        int n = elements;
        boolean smooth = config.smoothSpikes();
        float[] v = new float[BLOCK];
        long fired = 0;
        for (int b0 = from; b0 < to; b0 += BLOCK) {
            int len = Math.min(BLOCK, to - b0);
            Arrays.fill(v, 0f);
            for (int t = 0; t < steps; t++) {
                int row = t * n;
                for (int k = 0; k < len; k++) {
                    int e = b0 + k;
                    if (maskStep[e] >= 0) continue;
                    float x = current[row + e];
                    float h = lif ? v[k] + (x - v[k]) * invTau : v[k] + x;
                    v[k] = h;
                    potential[row + e] = h;
                    if (h >= threshold) {
                        spikesOut[row + e] = smooth ? surrogate.primitive(h - threshold) : 1f;
                        maskStep[e] = t;
                        fired++;
                    } else if (smooth) {
                        spikesOut[row + e] = surrogate.primitive(h - threshold);
                    }
                }
            }
            for (int k = 0; k < len; k++) finish(b0 + k, v[k]);
        }
        return fired;
    }

    /** A constant input is one stream: neuron by neuron, each loop stopping at its firing step. */
    private long integrateConstant(int from, int to) {
        boolean smooth = config.smoothSpikes();
        int n = elements;
        long fired = 0;
        for (int e = from; e < to; e++) {
            float x = current[e];
            float v = 0f;
            for (int t = 0; t < timeSteps; t++) {
                v = lif ? v + (x - v) * invTau : v + x;
                if (v >= threshold) {
                    spikesOut[t * n + e] = smooth ? surrogate.primitive(v - threshold) : 1f;
                    maskStep[e] = t;
                    fired++;
                    break;
                }
                if (smooth) spikesOut[t * n + e] = surrogate.primitive(v - threshold);
            }
            finish(e, v);
        }
        return fired;
    }

    /** Records the deciding potential and applies forced last-step firing to a silent neuron. */
    private void finish(int e, float v) {
        decision[e] = v;
        if (maskStep[e] < 0 && forced != null) {
            spikesOut[(timeSteps - 1) * elements + e] = 1f;
            maskStep[e] = timeSteps - 1;
            forced[e] = true;
        }
    }

    @Override
    public Activation backward(Activation gradOut, boolean wantInputGrad) {
        float[] dS = gradOut.data();
        float[] dI = new float[constant ? elements : timeSteps * elements];
        Workers.forRange(elements, timeSteps, (from, to) -> {
            if (constant) backpropagateConstant(from, to, dS, dI);
            else backpropagate(from, to, dS, dI);
        });
        return Activation.dense(dI, constant ? 1 : timeSteps, batch, shape);
    }

    /** BPTT for neurons [from, to) with a time-varying input, in blocks like {@link #integrate}. */
    private void backpropagate(int from, int to, float[] dS, float[] dI) {
        int steps = timeSteps;
        int n = elements;
        float carry = config.carry();
        float gain = config.inputGain();
        float[] acc = new float[BLOCK];
        int[] last = new int[BLOCK];
        for (int b0 = from; b0 < to; b0 += BLOCK) {
            int len = Math.min(BLOCK, to - b0);
            for (int k = 0; k < len; k++) last[k] = lastOpenStep(b0 + k);
            Arrays.fill(acc, 0f);
            for (int t = steps - 1; t >= 0; t--) {
                int row = t * n;
                for (int k = 0; k < len; k++) {
                    int e = b0 + k;
                    // gate 1 while the mask is open (t <= last), 0 after: branch-free, acc stays 0 after the spike
                    float gate = 1 - ((last[k] - t) >>> 31);
                    float a = acc[k] * carry + gate * dS[row + e] * surrogate.derivative(potential[row + e] - threshold);
                    acc[k] = a;
                    dI[row + e] = a * gain;
                }
            }
        }
    }

    /** dL/dI = sum_{t <= s} c[t] dL/dS[t] g'(H[t] - V_th), H[t] recomputed by the forward recurrence bit for bit. */
    private void backpropagateConstant(int from, int to, float[] dS, float[] dI) {
        int n = elements;
        float carry = config.carry();
        float gain = config.inputGain();
        for (int e = from; e < to; e++) {
            int end = lastOpenStep(e);
            float x = current[e];
            float v = 0f;
            float c = 0f;
            float sum = 0f;
            for (int t = 0; t <= end; t++) {
                v = lif ? v + (x - v) * invTau : v + x;
                c = c * carry + gain;
                sum += c * dS[t * n + e] * surrogate.derivative(v - threshold);
            }
            dI[e] = sum;
        }
    }

    /** Last step whose surrogate gradient flows: the firing step, T-1 if silent, one less for a forced spike. */
    private int lastOpenStep(int e) {
        int s = maskStep[e];
        if (s < 0) return timeSteps - 1;
        return forced != null && forced[e] ? s - 1 : s;
    }

    /** Real (not forced) spikes in the last forward pass. */
    public long lastSpikeCount() { return spikes; }

    public long lastForcedSpikeCount() { return forcedSpikes; }

    public int neuronsPerSample() { return shape.size(); }

    /** Step of the real spike of neuron f in sample b, or -1 if it did not fire (forced spikes count as silence). */
    public int firstSpikeStep(int b, int f) {
        int e = b * shape.size() + f;
        if (forced != null && forced[e]) return -1;
        return maskStep[e];
    }

    /** Membrane potential used to rank ties: H at the firing step, or H at the last step for a silent neuron. */
    public float decisionPotential(int b, int f) {
        return decision[b * shape.size() + f];
    }
}
