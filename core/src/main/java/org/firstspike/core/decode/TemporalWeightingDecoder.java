package org.firstspike.core.decode;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.firstspike.core.layer.Activation;
import org.firstspike.core.net.Parameter;
import org.firstspike.core.neuron.TtfsNeuronLayer;

/**
 * Decodes output spike trains into logits Y_k = scale * sum_t w[t] S_k[t] and trains them with softmax
 * cross-entropy. A logit scale is needed because Y <= 1 bounds the loss away from 0 (the loss cannot fall below
 * ~1.46 for 10 classes at scale 1).
 */
public final class TemporalWeightingDecoder {
    private final DecoderConfig config;
    private final float[] stepWeights;
    private final Parameter scale;
    private final int classes;
    private float[] raw;     // sum_t w[t] S[t], batch x classes
    private float[] dLogits;
    private int batch;

    public TemporalWeightingDecoder(DecoderConfig config, int timeSteps, int classes) {
        this.config = config;
        this.classes = classes;
        this.stepWeights = config.weighting().weights(timeSteps, config.lambda());
        this.scale = new Parameter("logit_scale", new int[] {1}, false);
        scale.value()[0] = (float) config.logitScale();
    }

    public DecoderConfig config() { return config; }

    /** The learnable logit scale, or none when it is fixed. */
    public List<Parameter> parameters() { return config.learnableScale() ? List.of(scale) : List.of(); }

    /** The scale tensor, saved with the model whether or not it is learnable. */
    public Parameter scaleParameter() { return scale; }

    public float[] decode(Activation spikes) {
        batch = spikes.batch();
        int k = classes;
        raw = new float[batch * k];
        float[] s = spikes.data();
        for (int t = 0; t < spikes.frames(); t++) {
            float w = stepWeights[t];
            int base = t * batch * k;
            for (int i = 0; i < batch * k; i++) raw[i] += w * s[base + i];
        }
        float sc = scale.value()[0];
        float[] logits = new float[batch * k];
        for (int i = 0; i < logits.length; i++) logits[i] = sc * raw[i];
        return logits;
    }

    /** Mean softmax cross-entropy of the last decoded batch; keeps dL/dY for {@link #backward}. */
    public double loss(float[] logits, int[] labels) {
        dLogits = new float[batch * classes];
        return SoftmaxCrossEntropy.lossAndGradient(logits, labels, batch, classes, dLogits);
    }

    /** dL/dS[t] for the output neurons (T frames), adding the scale gradient when it is learnable. */
    public Activation backward(Activation spikes) {
        int k = classes;
        float sc = scale.value()[0];
        if (config.learnableScale()) {
            double g = 0;
            for (int i = 0; i < raw.length; i++) g += dLogits[i] * raw[i];
            scale.grad()[0] += (float) g;
        }
        int frames = spikes.frames();
        float[] dS = new float[frames * batch * k];
        for (int t = 0; t < frames; t++) {
            float w = sc * stepWeights[t];
            int base = t * batch * k;
            for (int i = 0; i < batch * k; i++) dS[base + i] = w * dLogits[i];
        }
        return Activation.dense(dS, frames, batch, spikes.shape());
    }

    /** argmax of the logits, ties broken by the configured rule. */
    public int predict(float[] logits, int b, TtfsNeuronLayer outputNeurons) {
        return predict(logits, b * classes, c -> outputNeurons.decisionPotential(b, c));
    }

    /**
     * argmax of {@code classes} logits from {@code offset}; equal logits go to the larger decision potential (the
     * potential at the firing step, or at the last step for a silent neuron) or the lower index. Shared by the
     * dense pass and the event-driven engine, so both break ties alike.
     */
    public int predict(float[] logits, int offset, IntToDoubleFunction decisionPotential) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            float d = logits[offset + c] - logits[offset + best];
            if (d > 0 || (d == 0 && config.tieBreak() == TieBreak.POTENTIAL
                    && decisionPotential.applyAsDouble(c) > decisionPotential.applyAsDouble(best))) best = c;
        }
        return best;
    }

    /** w[t], what an output spike at step t adds to its class logit before the scale. */
    public float stepWeight(int t) { return stepWeights[t]; }

    /**
     * Whether the first step with an output spike decides the prediction: with positive, strictly decreasing step
     * weights and a positive scale, a spike at step t outweighs anything later (silent classes stay at 0).
     */
    public boolean earliestSpikeDecides() {
        if (!(scale.value()[0] > 0) || !(stepWeights[stepWeights.length - 1] > 0)) return false;
        for (int t = 1; t < stepWeights.length; t++) if (!(stepWeights[t] < stepWeights[t - 1])) return false;
        return true;
    }

    public float logitScale() { return scale.value()[0]; }
}
