package org.firstspike.core.neuron;

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
 */
public final class TtfsNeuronLayer implements Layer {
    private final Shape shape;
    private final NeuronConfig config;

    private int timeSteps;
    private int batch;
    private int inputFrames;
    private float[] current;     // the input current of the last forward pass
    private float[] potential;   // H[t], time-major; not kept for a constant input (recomputed)
    private float[] decision;    // H at the firing step, or at the last step for a silent neuron
    private int[] maskStep;      // step at which the mask closed (real or forced spike), -1 if never
    private boolean[] forced;    // forced last-step spikes; null when the option is off
    private long spikes;
    private long forcedSpikes;

    public TtfsNeuronLayer(Shape shape, NeuronConfig config) {
        this.shape = shape;
        this.config = config;
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
        inputFrames = in.frames();
        int n = batch * shape.size();
        float[] current = in.data();
        boolean constant = inputFrames == 1;
        float[] h = constant ? null : new float[steps * n];
        float[] dec = new float[n];
        float[] out = new float[steps * n];
        int[] step = new int[n];
        java.util.Arrays.fill(step, -1);
        boolean[] forcedHere = config.forceFireAtLastStep() ? new boolean[n] : null;
        float th = config.threshold();
        boolean lif = config.model() == NeuronModel.LIF;
        float invTau = 1f / config.tau();
        boolean smooth = config.smoothSpikes();
        Surrogate g = config.surrogate();
        long fired = 0;
        long forcedCount = 0;
        // Element by element: once a neuron has fired nothing it computes matters (no further spike, gradient gate
        // closed), so its loop stops at the firing step.
        for (int e = 0; e < n; e++) {
            float v = 0f;
            for (int t = 0; t < steps; t++) {
                int i = t * n + e;
                float x = current[constant ? e : i];
                float hv = lif ? v + (x - v) * invTau : v + x;
                if (h != null) h[i] = hv;
                v = hv;
                if (hv >= th) {
                    out[i] = smooth ? g.primitive(hv - th) : 1f;
                    step[e] = t;
                    fired++;
                    break;
                }
                if (smooth) out[i] = g.primitive(hv - th);
            }
            dec[e] = v;
            if (step[e] < 0 && forcedHere != null) {
                out[(steps - 1) * n + e] = 1f;
                step[e] = steps - 1;
                forcedHere[e] = true;
                forcedCount++;
            }
        }
        this.current = current;
        potential = h;
        decision = dec;
        maskStep = step;
        forced = forcedHere;
        spikes = fired;
        forcedSpikes = forcedCount;
        return new Activation(out, steps, batch, shape, smooth ? null : step.clone());
    }

    @Override
    public Activation backward(Activation gradOut, boolean wantInputGrad) {
        int steps = timeSteps;
        int n = batch * shape.size();
        float[] dS = gradOut.data();
        float[] dI = new float[inputFrames == 1 ? n : steps * n];
        float th = config.threshold();
        float carry = config.carry();
        float gain = config.inputGain();
        Surrogate g = config.surrogate();
        boolean constant = inputFrames == 1;
        boolean lif = config.model() == NeuronModel.LIF;
        float invTau = 1f / config.tau();
        for (int e = 0; e < n; e++) {
            int s = maskStep[e];
            int last = s >= 0 ? s : steps - 1;
            // a forced spike is the threshold dropping to -inf: it carries no gradient
            boolean skipLast = forced != null && forced[e];
            if (constant) {
                float x = current[e];
                float v = 0f;
                float c = 0f;
                float sum = 0f;
                int end = skipLast ? last - 1 : last;
                for (int t = 0; t <= end; t++) {
                    v = lif ? v + (x - v) * invTau : v + x;  // the forward recurrence, bit for bit
                    c = c * carry + gain;
                    sum += c * dS[t * n + e] * g.derivative(v - th);
                }
                dI[e] = sum;
                continue;
            }
            float a = 0f;
            for (int t = last; t >= 0; t--) {
                int i = t * n + e;
                a *= carry;
                if (!(skipLast && t == last)) a += dS[i] * g.derivative(potential[i] - th);
                dI[i] = a * gain;
            }
        }
        return Activation.dense(dI, inputFrames, batch, shape);
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
