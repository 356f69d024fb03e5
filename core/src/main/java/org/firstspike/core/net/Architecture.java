package org.firstspike.core.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firstspike.core.layer.AvgPool2d;
import org.firstspike.core.layer.Conv2d;
import org.firstspike.core.layer.Flatten;
import org.firstspike.core.layer.Layer;
import org.firstspike.core.layer.Linear;
import org.firstspike.core.layer.MaxPool2d;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.layer.SynapticWeights;

/**
 * Builds the layer stack from the paper-style string: FC{n}, {c}C{k}[P{p}][S{s}], AP{k}, MP{k}, joined by '-'.
 * Every synaptic layer (FC, conv) is followed by the family's units ({@link Units}), pooling acts on their output,
 * and a flatten is inserted before the first FC on an image-shaped input. The last FC must have one output per class.
 */
public final class Architecture {
    /** What follows the synaptic layers: neurons of the family, and which pooling it supports. */
    public interface Units {
        /** The units after hidden synaptic layer number {@code index} (0-based). */
        Layer hidden(Shape shape, int index);

        /** The units after the output layer, or null when the synaptic output itself is read out. */
        Layer output(Shape shape);

        /** Null when average pooling is allowed, otherwise why not. */
        default String averagePoolingRefused() { return null; }
    }

    private static final Pattern FC = Pattern.compile("FC(\\d+)");
    private static final Pattern CONV = Pattern.compile("(\\d+)C(\\d+)((?:[PS]\\d+)*)");
    private static final Pattern POOL = Pattern.compile("(AP|MP)(\\d+)");

    private Architecture() {}

    /** Hidden synaptic layers of a layer string: every FC or conv but the last (the output layer); -1 for none at all. */
    public static int hiddenLayers(String layers) {
        int n = 0;
        for (String t : layers.trim().toUpperCase().split("-"))
            if (FC.matcher(t.trim()).matches() || CONV.matcher(t.trim()).matches()) n++;
        return n - 1;
    }

    public static List<Layer> build(ModelConfig cfg, Random rng, Units units) {
        List<Layer> layers = new ArrayList<>();
        Shape shape = cfg.input();
        String[] tokens = cfg.layers().trim().toUpperCase().split("-");
        if (!FC.matcher(tokens[tokens.length - 1].trim()).matches())
            throw new IllegalArgumentException("model.layers '" + cfg.layers() + "': must end with an FC layer (the output layer)");
        int hidden = 0;
        for (int i = 0; i < tokens.length; i++) {
            boolean last = i == tokens.length - 1;
            String tok = tokens[i].trim();
            String where = "model.layers '" + cfg.layers() + "', item " + (i + 1) + " '" + tok + "'";
            Matcher m;
            if ((m = FC.matcher(tok)).matches()) {
                int out = positive(m.group(1), where);
                if (!shape.isFlat()) {
                    layers.add(new Flatten(shape));
                    shape = Shape.flat(shape.size());
                }
                SynapticWeights w = weights(new int[] {out, shape.size()}, cfg, rng);
                layers.add(new Linear(shape.size(), out, w));
                shape = Shape.flat(out);
                Layer u = last ? units.output(shape) : units.hidden(shape, hidden++);
                if (u != null) layers.add(u);
            } else if ((m = CONV.matcher(tok)).matches()) {
                if (shape.isFlat() && cfg.input().isFlat())
                    throw new IllegalArgumentException(where + ": convolution needs an image input (CxHxW), got " + shape);
                int out = positive(m.group(1), where);
                int k = positive(m.group(2), where);
                int p = suffix(m.group(3), 'P', 0, where);
                int s = suffix(m.group(3), 'S', 1, where);
                if (s < 1) throw new IllegalArgumentException(where + ": stride must be >= 1");
                SynapticWeights w = weights(new int[] {out, shape.channels(), k, k}, cfg, rng);
                Conv2d conv;
                try {
                    conv = new Conv2d(shape, out, k, s, p, w);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage());
                }
                layers.add(conv);
                shape = conv.outputShape();
                layers.add(units.hidden(shape, hidden++));
            } else if ((m = POOL.matcher(tok)).matches()) {
                if (shape.isFlat()) throw new IllegalArgumentException(where + ": pooling needs an image-shaped input, got " + shape);
                int k = positive(m.group(2), where);
                String refused = m.group(1).equals("AP") ? units.averagePoolingRefused() : null;
                if (refused != null) throw new IllegalArgumentException(where + ": " + refused);
                Layer pool;
                try {
                    pool = m.group(1).equals("AP") ? new AvgPool2d(shape, k) : new MaxPool2d(shape, k);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage());
                }
                layers.add(pool);
                shape = pool.outputShape();
            } else {
                throw new IllegalArgumentException(where + ": expected FC<n>, <c>C<k>[P<p>][S<s>], AP<k> or MP<k>");
            }
        }
        if (shape.size() != cfg.classes())
            throw new IllegalArgumentException("model.layers '" + cfg.layers() + "': output layer has " + shape.size()
                    + " neurons but model.classes is " + cfg.classes());
        return layers;
    }

    private static SynapticWeights weights(int[] shape, ModelConfig cfg, Random rng) {
        SynapticWeights w = new SynapticWeights(shape, cfg.timeSteps(), cfg.normalize(), cfg.weightQuantization());
        w.initialize(cfg.init(), cfg.timeSteps(), rng);
        return w;
    }

    /** Value of option letter {@code key} in a suffix like "P1S2", or the default. */
    private static int suffix(String options, char key, int fallback, String where) {
        Matcher m = Pattern.compile(key + "(\\d+)").matcher(options);
        if (!m.find()) return fallback;
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": number too large");
        }
    }

    private static int positive(String digits, String where) {
        int v;
        try {
            v = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": number too large");
        }
        if (v < 1) throw new IllegalArgumentException(where + ": sizes must be >= 1");
        return v;
    }
}
