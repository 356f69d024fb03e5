package org.firstspike.core.neuron;

import org.firstspike.core.hw.SpikeJitter;
import org.firstspike.core.hw.TimeQuantization;
import org.firstspike.core.layer.Activation;
import org.firstspike.core.layer.ActivityL1;
import org.firstspike.core.layer.HiddenUnits;
import org.firstspike.core.layer.Pass;
import org.firstspike.core.layer.Shape;

/**
 * B1 neurons of one layer (Stanojevic et al., spec 2.3): closed-form spike times in the layer's window
 * [t_min, t_max). The synaptic layer before delivers y_i = D_i + sum_j W_ij x_j, the membrane potential reached at
 * t_min (inputs integrated during the previous window) above the lowered threshold; with slope 1 after t_min the
 * neuron fires at t_i = t_max - y_i, and not at all when that is t_max or later. Downstream layers read the spike as
 * x_i = t_max - t_i, the potential it adds by the next layer's t_min. The same class encodes the input layer:
 * window [0, 1), y = intensity, t = 1 - x.
 * <p>Hardware constraints act on the times: Gaussian jitter (a spike pushed past t_max is lost), quantization to the
 * window's clock ticks, and, with {@code clampEarly}, spikes before t_min fire at t_min. Exact gradient: dt_i/dy_i = -1
 * for a neuron that fires (jitter and quantization straight through), 0 otherwise or when clamped; with
 * x_i = t_max - t_i the chain gives dL/dy_i = dL/dx_i, the ReLU gradient.
 */
public final class SpikeTimeNeurons implements HiddenUnits {
    private final Shape shape;
    private final TimeWindows windows;
    private final int layer;
    private final boolean clampEarly;
    private final SpikeJitter jitter;
    private final TimeQuantization clock;
    private final ActivityL1 l1;
    private double[] times;
    private float[] output;
    private boolean[] passes;
    private int batch;
    private long spikes;
    private long early;
    private double largest;
    private double l1Loss;

    /** Hidden layer {@code layer} of {@code windows}, or the input layer when {@code windows} is null. */
    public SpikeTimeNeurons(Shape shape, TimeWindows windows, int layer, boolean clampEarly, SpikeJitter jitter,
                            TimeQuantization clock, ActivityL1 l1) {
        this.shape = shape;
        this.windows = windows;
        this.layer = layer;
        this.clampEarly = clampEarly || windows == null;
        this.jitter = jitter;
        this.clock = clock;
        this.l1 = l1;
    }

    @Override public Shape inputShape() { return shape; }

    @Override public Shape outputShape() { return shape; }

    @Override public String describe() { return windows == null ? "input spikes" : "B1"; }

    public double windowStart() { return windows == null ? 0.0 : windows.start(layer); }

    public double windowEnd() { return windows == null ? TimeWindows.INPUT_WIDTH : windows.end(layer); }

    @Override
    public Activation forward(Activation in, Pass pass) {
        double tMin = windowStart();
        double tMax = windowEnd();
        double width = tMax - tMin;
        float[] y = in.data();
        batch = in.batch();
        times = new double[y.length];
        output = new float[y.length];
        passes = new boolean[y.length];
        spikes = 0;
        early = 0;
        largest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            largest = Math.max(largest, y[i]);
            double t = tMax - y[i];
            boolean flows = t < tMax;
            if (flows && jitter.enabled()) t = jitter.apply(t);
            if (t < tMin) {
                early++;
                if (clampEarly) {
                    t = tMin;
                    flows = false;
                }
            }
            if (t < tMax && clock.enabled()) t = clock.quantize(t, tMin, width);
            if (t < tMax) {
                spikes++;
                output[i] = (float) (tMax - t);
                passes[i] = flows;
            } else {
                t = tMax;
            }
            times[i] = t;
        }
        l1Loss = l1.loss(output, batch);
        return Activation.dense(output, 1, batch, shape);
    }

    @Override
    public Activation backward(Activation gradOut, boolean wantInputGrad) {
        float[] dx = gradOut.data().clone();
        l1.addGradient(output, batch, dx);
        float[] dy = new float[dx.length];
        for (int i = 0; i < dx.length; i++) {
            // dL/dt_i = -dL/dx_i (x_i = t_max - t_i), and dL/dy_i = -dL/dt_i (t_i = t_max - y_i) where the spike moves with y_i
            if (passes[i]) dy[i] = dx[i];
        }
        return Activation.dense(dy, 1, batch, shape);
    }

    /** Spike times of the last pass, batch-major; t_max where a neuron did not fire. */
    public double[] lastTimes() { return times; }

    /** Spikes of the last pass whose closed-form time fell before the window opened. */
    public long lastEarlySpikes() { return early; }

    @Override public long lastSpikeCount() { return spikes; }

    @Override public double lastLargestActivation() { return largest; }

    @Override public double lastL1Loss() { return l1Loss; }
}
