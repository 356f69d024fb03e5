package org.firstspike.core.nir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.firstspike.core.decode.DecoderConfig;
import org.firstspike.core.decode.TemporalWeighting;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.neuron.NeuronModel;

/**
 * The graph metadata of an exported ETTFS network: what a NIR backend needs to run it as FirstSpike does but no NIR
 * primitive expresses (the time grid, fire-once neurons, the input encoding, the temporal-weighting decoder).
 * Backends are not bound by NIR metadata, so docs/NIR.md lists these keys as the contract for reproducing outputs.
 */
public final class NirMetadata {
    private NirMetadata() {}

    /** {@code net} is the folded network (its config has no normalization left). */
    public static Map<String, NirValue> of(EttfsNetwork net) {
        ModelConfig c = net.config();
        Map<String, NirValue> m = new LinkedHashMap<>();
        m.put("firstspike_version", text(firstSpikeVersion()));
        m.put("family", text(c.family().key()));
        m.put("model_input", text(c.input().toString()));
        m.put("model_layers", text(c.layers()));
        m.put("time_steps", NirValue.Longs.scalar(c.timeSteps()));
        m.put("dt", NirValue.Floats.scalar(1f));
        m.put("time_unit", text("one simulation step: inputs, synaptic currents and neuron updates advance once per step"
                + " for time_steps steps; tau is in steps"));
        m.put("neuron_model", text(c.neuron().model().name().toLowerCase()));
        m.put("neuron_update", text(c.neuron().model() == NeuronModel.IF
                ? "H[t] = V[t-1] + I[t] (forward Euler of dv/dt = r I, dt = 1, r = 1)"
                : "H[t] = V[t-1] + (I[t] - V[t-1]) / tau (forward Euler of tau dv/dt = (v_leak - v) + r I, dt = 1, v_leak = 0, r = 1)"));
        m.put("single_spike", NirValue.Longs.scalar(1));
        m.put("spike_semantics", text("fire once: S[t] = [H[t] >= v_threshold] * (1 - M[t-1]), M[t] = M[t-1] or S[t]"
                + " (M[-1] = 0); no reset, V[t] = H[t]; after its first spike a neuron stays silent until the sample ends"
                + " (the IF/LIF nodes' v_reset is not used)"));
        m.put("force_fire_at_last_step", NirValue.Longs.scalar(c.neuron().forceFireAtLastStep() ? 1 : 0));
        m.put("encoding", text(c.encoding().name().toLowerCase()));
        m.put("encoding_semantics", text(switch (c.encoding()) {
            case DIRECT -> "the analog sample (pixel values in [0, 1]) is the input at every step t = 0..time_steps-1";
            case LATENCY -> "one spike (value 1) per pixel x > 0 at step round((1 - x)(time_steps - 1)); x <= 0 never spikes";
            case FRAMES -> "the sample holds time_steps frames (e.g. binned DVS events); frame t is the input at step t";
        }));
        // the same text for a model and its inference file: both export the same folded weights, byte for byte
        m.put("weights", text("inference weights: weight normalization, where trained with it, is folded in"
                + " (W = gamma * sqrt(T/n) * standardize(W_raw) per output unit, b = beta)"));
        if (c.weightQuantization().enabled())
            m.put("weight_bits", NirValue.Longs.scalar(c.weightQuantization().bits()));
        DecoderConfig d = c.decoder();
        m.put("decoder", text("temporal weighting: logit_k = decoder_logit_scale * sum_t decoder_step_weights[t] * S_k[t]"
                + " over the output neurons' spikes; the prediction is the argmax"));
        m.put("decoder_weighting", text(d.weighting().name().toLowerCase()));
        if (d.weighting() == TemporalWeighting.EXPONENTIAL) m.put("decoder_lambda", NirValue.Floats.scalar((float) d.lambda()));
        float[] w = d.weighting().weights(c.timeSteps(), d.lambda());
        m.put("decoder_step_weights", new NirValue.Floats(new int[] {w.length}, w));
        m.put("decoder_logit_scale", NirValue.Floats.scalar(net.decoder().scaleParameter().value()[0]));
        m.put("tie_break", text(d.tieBreak().name().toLowerCase()));
        m.put("tie_break_rule", text(switch (d.tieBreak()) {
            case POTENTIAL -> "equal logits: the class whose output neuron had the largest membrane potential at its"
                    + " deciding step (its firing step, or the last step when silent)";
            case INDEX -> "equal logits: the lowest class index";
        }));
        return m;
    }

    private static NirValue text(String s) { return new NirValue.Text(s); }

    /** The project version, filled in by the build (core's resources are filtered). */
    private static String firstSpikeVersion() {
        try (InputStream in = NirMetadata.class.getResourceAsStream("/org/firstspike/core/version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
