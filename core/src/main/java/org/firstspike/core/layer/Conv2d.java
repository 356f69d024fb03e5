package org.firstspike.core.layer;

import java.util.List;
import org.firstspike.core.blas.Blas;
import org.firstspike.core.exec.Workers;
import org.firstspike.core.net.Parameter;

/**
 * 2-D convolution synaptic layer (square kernel, stride, zero padding), weights [out][in][k][k], applied to every
 * frame. Fast path: im2col over chunks of images and one GEMM per chunk; a constant (one-frame) input is convolved
 * once. (An event-driven path for pooled-spike inputs was measured slower at their ~19 % density: docs/PERFORMANCE.md.)
 * Reference path: direct loops.
 */
public final class Conv2d implements Layer {
    private static final int CHUNK_FLOATS = 1 << 22;

    private final Shape inShape;
    private final Shape outShape;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final SynapticWeights weights;
    private Activation input;
    private boolean naive;

    public Conv2d(Shape in, int outChannels, int kernel, int stride, int padding, SynapticWeights weights) {
        int oh = (in.height() + 2 * padding - kernel) / stride + 1;
        int ow = (in.width() + 2 * padding - kernel) / stride + 1;
        if (oh < 1 || ow < 1)
            throw new IllegalArgumentException("conv " + kernel + "x" + kernel + " stride " + stride + " padding "
                    + padding + " does not fit input " + in);
        this.inShape = in;
        this.outShape = new Shape(outChannels, oh, ow);
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weights = weights;
    }

    public SynapticWeights weights() { return weights; }

    public int kernel() { return kernel; }

    public int stride() { return stride; }

    public int padding() { return padding; }

    @Override public Shape inputShape() { return inShape; }

    @Override public Shape outputShape() { return outShape; }

    @Override public List<Parameter> parameters() { return weights.parameters(); }

    @Override
    public String describe() {
        return outShape.channels() + "C" + kernel + (padding > 0 ? "P" + padding : "") + (stride > 1 ? "S" + stride : "");
    }

    private int patch() { return inShape.channels() * kernel * kernel; }

    private int positions() { return outShape.height() * outShape.width(); }

    private int chunkImages() { return Math.max(1, CHUNK_FLOATS / (positions() * patch())); }

    @Override
    public Activation forward(Activation x, Pass pass) {
        input = x;
        naive = pass.engine().naive();
        float[] w = weights.computeEffective();
        float[] b = weights.bias();
        int images = x.rows();
        int oc = outShape.channels();
        int p = positions();
        float[] y = new float[images * outShape.size()];
        if (naive) {
            naiveForward(x.data(), images, w, b, y);
        } else {
            int chunk = Math.min(chunkImages(), images);
            float[] col = new float[patch() * chunk * p];
            float[] res = new float[oc * chunk * p];
            for (int first = 0; first < images; first += chunk) {
                int n = Math.min(chunk, images - first);
                im2col(x.data(), first, n, col);
                Blas.gemm(false, false, oc, n * p, patch(), 1f, w, col, 0f, res);
                int base = first;
                Workers.forRange(n, outShape.size(), (i0, i1) -> {
                    for (int i = i0; i < i1; i++) {
                        int yo = (base + i) * outShape.size();
                        for (int c = 0; c < oc; c++) {
                            float bc = b[c];
                            int ro = c * n * p + i * p;
                            int yc = yo + c * p;
                            for (int q = 0; q < p; q++) y[yc + q] = res[ro + q] + bc;
                        }
                    }
                });
            }
        }
        return Activation.dense(y, x.frames(), x.batch(), outShape);
    }

    @Override
    public Activation backward(Activation gradOut, boolean wantInputGrad) {
        float[] dy = gradOut.data();
        int images = input.rows();
        int oc = outShape.channels();
        int p = positions();
        float[] dW = weights.gradTarget();
        float[] w = weights.effective();
        float[] dBias = new float[oc];
        for (int i = 0; i < images; i++)
            for (int c = 0; c < oc; c++) {
                int o = i * outShape.size() + c * p;
                float s = 0;
                for (int q = 0; q < p; q++) s += dy[o + q];
                dBias[c] += s;
            }
        weights.addBiasGrad(dBias);
        float[] dx = wantInputGrad ? new float[images * inShape.size()] : null;
        if (naive) {
            naiveBackward(input.data(), dy, images, w, dW, dx);
        } else {
            int chunk = Math.min(chunkImages(), images);
            float[] col = new float[patch() * chunk * p];
            float[] dres = new float[oc * chunk * p];
            float[] dcol = wantInputGrad ? new float[patch() * chunk * p] : null;
            for (int first = 0; first < images; first += chunk) {
                int n = Math.min(chunk, images - first);
                im2col(input.data(), first, n, col);
                int base = first;
                Workers.forRange(n, outShape.size(), (i0, i1) -> {
                    for (int i = i0; i < i1; i++) {
                        int yo = (base + i) * outShape.size();
                        for (int c = 0; c < oc; c++)
                            System.arraycopy(dy, yo + c * p, dres, c * n * p + i * p, p);
                    }
                });
                Blas.gemm(false, true, oc, patch(), n * p, 1f, dres, col, 1f, dW);
                if (dcol != null) {
                    Blas.gemm(true, false, patch(), n * p, oc, 1f, w, dres, 0f, dcol);
                    col2im(dcol, first, n, dx);
                }
            }
        }
        weights.finishBackward();
        return dx == null ? null : Activation.dense(dx, input.frames(), input.batch(), inShape);
    }

    /** col[(c*k+ky)*k+kx][i*P + oy*W_out + ox] = x[first+i][c][oy*s-p+ky][ox*s-p+kx] (0 outside). */
    private void im2col(float[] x, int first, int n, float[] col) {
        int ih = inShape.height();
        int iw = inShape.width();
        int oh = outShape.height();
        int ow = outShape.width();
        int p = oh * ow;
        int width = n * p;
        // one row of col per (c, ky, kx): rows are disjoint, so they are filled in parallel
        Workers.forRange(patch(), width, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int c = r / (kernel * kernel);
                int ky = (r / kernel) % kernel;
                int kx = r % kernel;
                int row = r * width;
                // output columns whose tap falls inside the image: [lo, hi)
                int lo = validFrom(kx);
                int hi = Math.max(lo, validTo(kx));
                for (int i = 0; i < n; i++) {
                    int xo = (first + i) * inShape.size() + c * ih * iw;
                    int co = row + i * p;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * stride - padding + ky;
                        int cy = co + oy * ow;
                        if (iy < 0 || iy >= ih) {
                            java.util.Arrays.fill(col, cy, cy + ow, 0f);
                            continue;
                        }
                        int xr = xo + iy * iw;
                        java.util.Arrays.fill(col, cy, cy + lo, 0f);
                        if (stride == 1) {
                            System.arraycopy(x, xr + lo - padding + kx, col, cy + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) col[cy + ox] = x[xr + ox * stride - padding + kx];
                        }
                        java.util.Arrays.fill(col, cy + hi, cy + ow, 0f);
                    }
                }
            }
        });
    }

    private void col2im(float[] dcol, int first, int n, float[] dx) {
        int ih = inShape.height();
        int iw = inShape.width();
        int oh = outShape.height();
        int ow = outShape.width();
        int p = oh * ow;
        int width = n * p;
        // each image's gradient is written by one worker (the taps of different (c, ky, kx) overlap within an image)
        Workers.forRange(n, inShape.size() * kernel * kernel, (i0, i1) -> {
            for (int c = 0; c < inShape.channels(); c++)
                for (int ky = 0; ky < kernel; ky++)
                    for (int kx = 0; kx < kernel; kx++) {
                        int row = ((c * kernel + ky) * kernel + kx) * width;
                        int lo = validFrom(kx);
                        int hi = validTo(kx);
                        for (int i = i0; i < i1; i++) {
                            int xo = (first + i) * inShape.size() + c * ih * iw;
                            int co = row + i * p;
                            for (int oy = 0; oy < oh; oy++) {
                                int iy = oy * stride - padding + ky;
                                if (iy < 0 || iy >= ih) continue;
                                int xr = xo + iy * iw;
                                int cy = co + oy * ow;
                                for (int ox = lo; ox < hi; ox++)
                                    dx[xr + ox * stride - padding + kx] += dcol[cy + ox];
                            }
                        }
                    }
        });
    }

    /** First output column whose tap kx lands inside the input row (ox * stride - padding + kx >= 0). */
    private int validFrom(int kx) {
        int need = padding - kx;
        return need <= 0 ? 0 : Math.min(outShape.width(), (need + stride - 1) / stride);
    }

    /** One past the last output column whose tap kx lands inside the input row (ox * stride - padding + kx < W_in). */
    private int validTo(int kx) {
        int limit = inShape.width() + padding - kx;
        return limit <= 0 ? 0 : Math.min(outShape.width(), (limit + stride - 1) / stride);
    }

    private void naiveForward(float[] x, int images, float[] w, float[] b, float[] y) {
        forEachTap(images, (xi, wi, yi) -> y[yi] += w[wi] * x[xi]);
        for (int i = 0; i < images; i++)
            for (int c = 0; c < outShape.channels(); c++)
                for (int q = 0; q < positions(); q++) y[i * outShape.size() + c * positions() + q] += b[c];
    }

    private void naiveBackward(float[] x, float[] dy, int images, float[] w, float[] dW, float[] dx) {
        forEachTap(images, (xi, wi, yi) -> {
            dW[wi] += dy[yi] * x[xi];
            if (dx != null) dx[xi] += dy[yi] * w[wi];
        });
    }

    private interface Tap {
        void apply(int inputIndex, int weightIndex, int outputIndex);
    }

    /** Visits every (input, weight, output) triple of the convolution: the reference definition. */
    private void forEachTap(int images, Tap tap) {
        int ih = inShape.height();
        int iw = inShape.width();
        for (int i = 0; i < images; i++)
            for (int o = 0; o < outShape.channels(); o++)
                for (int oy = 0; oy < outShape.height(); oy++)
                    for (int ox = 0; ox < outShape.width(); ox++) {
                        int yi = i * outShape.size() + (o * outShape.height() + oy) * outShape.width() + ox;
                        for (int c = 0; c < inShape.channels(); c++)
                            for (int ky = 0; ky < kernel; ky++)
                                for (int kx = 0; kx < kernel; kx++) {
                                    int iy = oy * stride - padding + ky;
                                    int ix = ox * stride - padding + kx;
                                    if (iy < 0 || iy >= ih || ix < 0 || ix >= iw) continue;
                                    tap.apply(i * inShape.size() + (c * ih + iy) * iw + ix,
                                            ((o * inShape.channels() + c) * kernel + ky) * kernel + kx, yi);
                                }
                    }
    }
}
