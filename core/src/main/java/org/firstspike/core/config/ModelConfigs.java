package org.firstspike.core.config;

import org.firstspike.core.decode.DecoderConfig;
import org.firstspike.core.decode.TemporalWeighting;
import org.firstspike.core.decode.TieBreak;
import org.firstspike.core.encode.InputEncoding;
import org.firstspike.core.hw.WeightQuantization;
import org.firstspike.core.init.WeightInit;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.net.ExactTimeConfig;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.net.NetworkFamily;
import org.firstspike.core.neuron.NeuronConfig;
import org.firstspike.core.neuron.NeuronModel;
import org.firstspike.core.surrogate.Surrogate;

/** Turns validated settings into the typed model configuration. */
public final class ModelConfigs {
    private ModelConfigs() {}

    public static ModelConfig from(Settings s) {
        String sur = s.get("surrogate.type");
        String alpha = s.get("surrogate.alpha");
        double a = alpha.equals("auto") ? Surrogate.defaultAlpha(sur) : s.getDouble("surrogate.alpha");
        NeuronConfig neuron = new NeuronConfig(NeuronModel.parse(s.get("neuron.model")),
                (float) s.getDouble("neuron.threshold"), (float) s.getDouble("neuron.tau"),
                s.getBoolean("neuron.forceFireAtLastStep"), Surrogate.of(sur, a), s.getBoolean("neuron.smoothSpikes"));
        DecoderConfig decoder = new DecoderConfig(TemporalWeighting.parse(s.get("decoder.weighting")),
                s.getDouble("decoder.lambda"), s.getDouble("decoder.logitScale"), s.getBoolean("decoder.learnableScale"),
                TieBreak.parse(s.get("decoder.tieBreak")));
        Shape input;
        try {
            input = Shape.parse(s.get("model.input"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.input: " + e.getMessage());
        }
        NetworkFamily family = NetworkFamily.parse(s.get("model.family"));
        ExactTimeConfig exact = new ExactTimeConfig(s.getDouble("b1.initialWindow"), s.getDouble("b1.windowGrowth"),
                choice(s, "b1.windows", "adaptive", "fixed"), choice(s, "b1.earlySpikes", "clamp", "keep"),
                s.getDouble("b1.l1"), s.getDouble("hw.jitter"), s.getInt("hw.timeBits"));
        WeightQuantization quant = new WeightQuantization(s.getInt("hw.weightBits"), (float) s.getDouble("hw.weightMin"),
                (float) s.getDouble("hw.weightMax"));
        boolean ettfs = family == NetworkFamily.ETTFS;
        return new ModelConfig(family, input, s.get("model.layers"), s.getInt("model.timeSteps"), neuron,
                WeightInit.parse(s.get("init.scheme"), ettfs), ettfs && s.getBoolean("norm.enabled"), decoder,
                InputEncoding.parse(s.get("model.encoding")), s.getInt("model.classes"), exact, quant);
    }

    /** True for {@code yes}, false for {@code no}, an error naming the key otherwise. */
    private static boolean choice(Settings s, String key, String yes, String no) {
        String v = s.get(key).toLowerCase();
        if (v.equals(yes)) return true;
        if (v.equals(no)) return false;
        throw new IllegalArgumentException(key + " '" + s.get(key) + "': expected " + yes + " or " + no);
    }
}
