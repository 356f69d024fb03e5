package org.firstspike.core.net;

import java.util.List;
import org.firstspike.core.layer.Conv2d;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.layer.Linear;
import org.firstspike.core.layer.SynapticWeights;

/**
 * Folds weight normalization into plain weights for inference: W = gamma * sqrt(T/n) * standardize(W_raw),
 * b = beta. The result has no normalization and computes exactly the same outputs.
 */
public final class Folding {
    private Folding() {}

    /** The network to ship for inference: ETTFS with normalization folded, any other network as it is. */
    public static Network forInference(Network trained) {
        return trained instanceof EttfsNetwork e ? fold(e) : trained;
    }

    public static EttfsNetwork fold(EttfsNetwork trained) {
        ModelConfig c = trained.config();
        if (!c.normalize()) return trained;
        ModelConfig plain = c.withoutNormalization();
        EttfsNetwork folded = new EttfsNetwork(plain, 0L);
        List<Layer> from = trained.layers();
        List<Layer> to = folded.layers();
        for (int i = 0; i < from.size(); i++) {
            SynapticWeights src = weights(from.get(i));
            if (src == null) continue;
            SynapticWeights dst = weights(to.get(i));
            float[] eff = src.computeEffective();
            System.arraycopy(eff, 0, dst.weightParameter().value(), 0, eff.length);
            System.arraycopy(src.bias(), 0, dst.bias(), 0, src.bias().length);
        }
        folded.decoder().scaleParameter().value()[0] = trained.decoder().scaleParameter().value()[0];
        return folded;
    }

    private static SynapticWeights weights(Layer l) {
        if (l instanceof Linear lin) return lin.weights();
        if (l instanceof Conv2d conv) return conv.weights();
        return null;
    }
}
