package org.firstspike.core.layer;

import org.firstspike.core.exec.Workers;

/**
 * Average pooling of spikes (ETTFS Eq. 25): each output is the mean of k^2 single-spike inputs, so its sum over
 * time stays <= 1 and it can be folded into the next convolution. The output is no longer single-spike (up to k^2
 * non-zero steps), so it carries no spike-step index.
 */
public final class AvgPool2d implements Layer {
    private final PoolWindows windows;
    private Activation input;

    public AvgPool2d(Shape in, int k) {
        this.windows = new PoolWindows(in, k);
    }

    @Override public Shape inputShape() { return windows.in(); }

    @Override public Shape outputShape() { return windows.out(); }

    @Override public String describe() { return "AP" + windows.k(); }

    /** Window side k (stride k, trailing rows and columns dropped). */
    public int kernel() { return windows.k(); }

    @Override
    public Activation forward(Activation x, Pass pass) {
        input = x;
        Shape o = outputShape();
        int k = windows.k();
        float inv = 1f / (k * k);
        float[] y = new float[x.rows() * o.size()];
        float[] d = x.data();
        Workers.forRange(x.rows(), x.features(), (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                int xo = i * x.features();
                int yo = i * o.size();
                for (int c = 0; c < o.channels(); c++)
                    for (int oy = 0; oy < o.height(); oy++)
                        for (int ox = 0; ox < o.width(); ox++) {
                            float s = 0;
                            for (int dy = 0; dy < k; dy++)
                                for (int dx = 0; dx < k; dx++) s += d[xo + windows.inputIndex(c, oy, ox, dy, dx)];
                            y[yo + (c * o.height() + oy) * o.width() + ox] = s * inv;
                        }
            }
        });
        return Activation.dense(y, x.frames(), x.batch(), o);
    }

    @Override
    public Activation backward(Activation gradOut, boolean wantInputGrad) {
        if (!wantInputGrad) return null;
        Shape o = outputShape();
        int k = windows.k();
        float inv = 1f / (k * k);
        float[] dx = new float[input.data().length];
        float[] dy = gradOut.data();
        Workers.forRange(input.rows(), input.features(), (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                int xo = i * input.features();
                int yo = i * o.size();
                for (int c = 0; c < o.channels(); c++)
                    for (int oy = 0; oy < o.height(); oy++)
                        for (int ox = 0; ox < o.width(); ox++) {
                            float g = dy[yo + (c * o.height() + oy) * o.width() + ox] * inv;
                            for (int dyy = 0; dyy < k; dyy++)
                                for (int dxx = 0; dxx < k; dxx++) dx[xo + windows.inputIndex(c, oy, ox, dyy, dxx)] += g;
                        }
            }
        });
        return Activation.dense(dx, input.frames(), input.batch(), input.shape());
    }
}
