package org.firstspike.core.layer;

/**
 * Max pooling per step, kept for the ablation (ETTFS Eq. 24): inputs firing at different steps each pass through,
 * so an output can spike up to k^2 times, breaking the single-spike property that average pooling keeps.
 * Gradients go to the first maximal input of each window.
 */
public final class MaxPool2d implements Layer {
    private final PoolWindows windows;
    private Activation input;
    private int[] argmax;

    public MaxPool2d(Shape in, int k) {
        this.windows = new PoolWindows(in, k);
    }

    @Override public Shape inputShape() { return windows.in(); }

    @Override public Shape outputShape() { return windows.out(); }

    @Override public String describe() { return "MP" + windows.k(); }

    @Override
    public Activation forward(Activation x, Pass pass) {
        input = x;
        Shape o = outputShape();
        int k = windows.k();
        float[] y = new float[x.rows() * o.size()];
        argmax = new int[y.length];
        float[] d = x.data();
        for (int i = 0; i < x.rows(); i++) {
            int xo = i * x.features();
            int yo = i * o.size();
            for (int c = 0; c < o.channels(); c++)
                for (int oy = 0; oy < o.height(); oy++)
                    for (int ox = 0; ox < o.width(); ox++) {
                        int best = xo + windows.inputIndex(c, oy, ox, 0, 0);
                        for (int dy = 0; dy < k; dy++)
                            for (int dx = 0; dx < k; dx++) {
                                int idx = xo + windows.inputIndex(c, oy, ox, dy, dx);
                                if (d[idx] > d[best]) best = idx;
                            }
                        int yi = yo + (c * o.height() + oy) * o.width() + ox;
                        y[yi] = d[best];
                        argmax[yi] = best;
                    }
        }
        return Activation.dense(y, x.frames(), x.batch(), o);
    }

    @Override
    public Activation backward(Activation gradOut, boolean wantInputGrad) {
        if (!wantInputGrad) return null;
        float[] dx = new float[input.data().length];
        float[] dy = gradOut.data();
        for (int i = 0; i < dy.length; i++) dx[argmax[i]] += dy[i];
        return Activation.dense(dx, input.frames(), input.batch(), input.shape());
    }
}
