package org.firstspike.core.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.firstspike.core.hw.WeightQuantization;
import org.firstspike.core.init.WeightInit;
import org.firstspike.core.net.Parameter;
import org.firstspike.core.norm.WeightStandardization;

/**
 * The parameters of a synaptic layer (Linear or Conv2d): weight rows of length fan-in, a bias injected at every
 * step (the B1 threshold shift D), and, with normalization on, the learnable gamma (the bias is then the paper's
 * beta). Layers compute with the effective weights, normalized and/or fake-quantized to k bits, and accumulate
 * dL/dW_eff into {@link #gradTarget()}; {@link #finishBackward()} carries it back to the stored weights.
 */
public final class SynapticWeights {
    private final int rows;
    private final int[] shape;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter gamma;
    private final WeightStandardization norm;
    private final WeightQuantization quantization;
    private final float[] normalized;
    private final float[] quantized;
    private final float[] effectiveGrad;

    public SynapticWeights(int[] weightShape, int timeSteps, boolean normalize, WeightQuantization quantization) {
        this.rows = weightShape[0];
        this.shape = weightShape.clone();
        int fanIn = 1;
        for (int i = 1; i < weightShape.length; i++) fanIn *= weightShape[i];
        this.weight = new Parameter("weight", weightShape, true);
        this.bias = new Parameter(normalize ? "beta" : "bias", new int[] {rows}, false);
        this.quantization = quantization;
        if (normalize) {
            gamma = new Parameter("gamma", new int[] {rows}, false);
            Arrays.fill(gamma.value(), 1f);
            norm = new WeightStandardization(rows, fanIn, timeSteps);
            normalized = new float[rows * fanIn];
        } else {
            gamma = null;
            norm = null;
            normalized = null;
        }
        quantized = quantization.enabled() ? new float[rows * fanIn] : null;
        effectiveGrad = normalize || quantization.enabled() ? new float[rows * fanIn] : null;
    }

    public void initialize(WeightInit init, int timeSteps, Random rng) {
        init.fill(weight.value(), shape, timeSteps, rng);
    }

    public float[] bias() { return bias.value(); }

    public Parameter weightParameter() { return weight; }

    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>(List.of(weight));
        if (gamma != null) ps.add(gamma);
        ps.add(bias);
        return ps;
    }

    /** Effective weights for this pass: W, standardized with gamma when normalizing, then quantized when asked. */
    public float[] computeEffective() {
        float[] w = weight.value();
        if (norm != null) {
            norm.forward(w, gamma.value(), normalized);
            w = normalized;
        }
        if (quantized == null) return w;
        quantization.quantize(w, quantized);
        return quantized;
    }

    /** Effective weights as computed by the last {@link #computeEffective()}. */
    public float[] effective() { return quantized != null ? quantized : norm != null ? normalized : weight.value(); }

    /** Where a layer adds dL/dW_eff; zeroed and ready. Call {@link #finishBackward()} afterwards. */
    public float[] gradTarget() {
        if (effectiveGrad == null) return weight.grad();
        Arrays.fill(effectiveGrad, 0f);
        return effectiveGrad;
    }

    public void addBiasGrad(float[] dBias) {
        float[] g = bias.grad();
        for (int i = 0; i < rows; i++) g[i] += dBias[i];
    }

    public void finishBackward() {
        if (effectiveGrad == null) return;
        if (quantized != null) quantization.straightThrough(norm != null ? normalized : weight.value(), effectiveGrad);
        if (norm != null) {
            norm.backward(effectiveGrad, gamma.value(), weight.grad(), gamma.grad());
        } else {
            float[] g = weight.grad();
            for (int i = 0; i < g.length; i++) g[i] += effectiveGrad[i];
        }
    }
}
