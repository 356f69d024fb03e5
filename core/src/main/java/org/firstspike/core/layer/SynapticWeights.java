package org.firstspike.core.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.firstspike.core.init.WeightInit;
import org.firstspike.core.net.Parameter;
import org.firstspike.core.norm.WeightStandardization;

/**
 * The parameters of a synaptic layer (Linear or Conv2d): weight rows of length fan-in, a bias injected at every
 * step, and, with normalization on, the learnable gamma (the bias is then the paper's beta). Layers compute with
 * the effective weights and accumulate dL/dW_eff into {@link #gradTarget()}.
 */
public final class SynapticWeights {
    private final int rows;
    private final int fanIn;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter gamma;
    private final WeightStandardization norm;
    private final float[] effective;
    private final float[] effectiveGrad;

    public SynapticWeights(int[] weightShape, int timeSteps, boolean normalize) {
        this.rows = weightShape[0];
        int n = 1;
        for (int i = 1; i < weightShape.length; i++) n *= weightShape[i];
        this.fanIn = n;
        this.weight = new Parameter("weight", weightShape, true);
        this.bias = new Parameter(normalize ? "beta" : "bias", new int[] {rows}, false);
        if (normalize) {
            gamma = new Parameter("gamma", new int[] {rows}, false);
            Arrays.fill(gamma.value(), 1f);
            norm = new WeightStandardization(rows, fanIn, timeSteps);
            effective = new float[rows * fanIn];
            effectiveGrad = new float[rows * fanIn];
        } else {
            gamma = null;
            norm = null;
            effective = null;
            effectiveGrad = null;
        }
    }

    public void initialize(WeightInit init, int timeSteps, Random rng) {
        init.fill(weight.value(), fanIn, timeSteps, rng);
    }

    public float[] bias() { return bias.value(); }

    public Parameter weightParameter() { return weight; }

    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>(List.of(weight));
        if (gamma != null) ps.add(gamma);
        ps.add(bias);
        return ps;
    }

    /** Effective weights for this pass (recomputed from W and gamma when normalizing). */
    public float[] computeEffective() {
        if (norm == null) return weight.value();
        norm.forward(weight.value(), gamma.value(), effective);
        return effective;
    }

    /** Effective weights as computed by the last {@link #computeEffective()}. */
    public float[] effective() { return norm == null ? weight.value() : effective; }

    /** Where a layer adds dL/dW_eff; zeroed and ready. Call {@link #finishBackward()} afterwards. */
    public float[] gradTarget() {
        if (norm == null) return weight.grad();
        Arrays.fill(effectiveGrad, 0f);
        return effectiveGrad;
    }

    public void addBiasGrad(float[] dBias) {
        float[] g = bias.grad();
        for (int i = 0; i < rows; i++) g[i] += dBias[i];
    }

    public void finishBackward() {
        if (norm != null) norm.backward(effectiveGrad, gamma.value(), weight.grad(), gamma.grad());
    }
}
