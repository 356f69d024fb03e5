package org.firstspike.core.infer;

import org.firstspike.core.layer.Shape;

/**
 * A convolution's fan-out: an event at input (c, y, x) reaches every output position whose kernel window covers it,
 * in every output channel. Weights are stored [c][ky][kx][out channel] so the channels of one tap are contiguous.
 */
final class ConvFanout implements Fanout {
    private final Shape in;
    private final Shape out;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final float[] taps;
    private final long synapses;

    /** {@code weights} is [out][in][k][k] as the layer stores it. */
    ConvFanout(float[] weights, Shape in, Shape out, int kernel, int stride, int padding) {
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        int oc = out.channels();
        int ic = in.channels();
        this.taps = new float[ic * kernel * kernel * oc];
        for (int o = 0; o < oc; o++)
            for (int c = 0; c < ic; c++)
                for (int t = 0; t < kernel * kernel; t++) taps[(c * kernel * kernel + t) * oc + o] = weights[(o * ic + c) * kernel * kernel + t];
        long inside = 0;  // taps that land inside the image, over all output positions (padding costs nothing)
        for (int oy = 0; oy < out.height(); oy++)
            for (int ox = 0; ox < out.width(); ox++)
                for (int ky = 0; ky < kernel; ky++)
                    for (int kx = 0; kx < kernel; kx++) {
                        int iy = oy * stride - padding + ky;
                        int ix = ox * stride - padding + kx;
                        if (iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width()) inside++;
                    }
        this.synapses = inside * ic * oc;
    }

    @Override
    public long propagate(int input, double value, Currents target) {
        int plane = in.height() * in.width();
        int c = input / plane;
        int iy = (input % plane) / in.width();
        int ix = input % in.width();
        int oc = out.channels();
        int positions = out.height() * out.width();
        long driven = 0;
        for (int ky = 0; ky < kernel; ky++) {
            int ny = iy + padding - ky;
            if (ny < 0 || ny % stride != 0 || ny / stride >= out.height()) continue;
            int oy = ny / stride;
            for (int kx = 0; kx < kernel; kx++) {
                int nx = ix + padding - kx;
                if (nx < 0 || nx % stride != 0 || nx / stride >= out.width()) continue;
                int q = oy * out.width() + nx / stride;
                int w = ((c * kernel + ky) * kernel + kx) * oc;
                for (int o = 0; o < oc; o++) target.add(o * positions + q, value * taps[w + o]);
                driven += oc;
            }
        }
        return driven;
    }

    @Override public long synapses() { return synapses; }
}
