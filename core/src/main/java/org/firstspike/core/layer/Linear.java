package org.firstspike.core.layer;

import java.util.List;
import org.firstspike.core.blas.Blas;
import org.firstspike.core.net.Parameter;

/**
 * Fully connected synaptic layer, I[t] = W_eff x[t] + b, weights [out][in].
 * Fast path: a constant input is multiplied once; a single-spike input (each input non-zero at one step at most) is
 * propagated event by event, one weight column per spike, and its weight gradient gathered at the spike steps:
 * one matrix product's worth of work per pass instead of T. Anything else uses one GEMM over all T x batch rows.
 */
public final class Linear implements Layer {
    private final int in;
    private final int out;
    private final SynapticWeights weights;
    private Activation input;
    private Engine engine;

    public Linear(int in, int out, SynapticWeights weights) {
        this.in = in;
        this.out = out;
        this.weights = weights;
    }

    public SynapticWeights weights() { return weights; }

    @Override public Shape inputShape() { return Shape.flat(in); }

    @Override public Shape outputShape() { return Shape.flat(out); }

    @Override public List<Parameter> parameters() { return weights.parameters(); }

    @Override public String describe() { return "FC" + out; }

    @Override
    public Activation forward(Activation x, Pass pass) {
        input = x;
        engine = pass.engine();
        float[] w = weights.computeEffective();
        float[] b = weights.bias();
        int rows = x.rows();
        float[] y = new float[rows * out];
        for (int r = 0; r < rows; r++) System.arraycopy(b, 0, y, r * out, out);
        if (engine.naive()) {
            naiveForward(x.data(), rows, w, y);
        } else if (engine.structured() && x.spikeStep() != null) {
            float[] effTransposed = transpose(w, out, in);  // [in][out]: one contiguous column per input spike
            int[] step = x.spikeStep();
            int batch = x.batch();
            for (int s = 0; s < batch; s++) {
                for (int j = 0; j < in; j++) {
                    int t = step[s * in + j];
                    if (t < 0) continue;
                    int yo = (t * batch + s) * out;
                    int wo = j * out;
                    for (int o = 0; o < out; o++) y[yo + o] += effTransposed[wo + o];
                }
            }
        } else {
            Blas.gemm(false, true, rows, out, in, 1f, x.data(), w, 1f, y);
        }
        return Activation.dense(y, x.frames(), x.batch(), outputShape());
    }

    @Override
    public Activation backward(Activation gradOut, boolean wantInputGrad) {
        float[] dy = gradOut.data();
        int rows = input.rows();
        float[] dW = weights.gradTarget();
        float[] w = weights.effective();
        float[] dBias = new float[out];
        for (int r = 0; r < rows; r++) {
            int o0 = r * out;
            for (int o = 0; o < out; o++) dBias[o] += dy[o0 + o];
        }
        weights.addBiasGrad(dBias);
        float[] dx = null;
        if (engine.naive()) {
            naiveWeightGrad(input.data(), dy, rows, dW);
            if (wantInputGrad) dx = naiveInputGrad(dy, rows, w);
        } else {
            if (engine.structured() && input.spikeStep() != null) gatherWeightGrad(input, dy, dW);
            else Blas.gemm(true, false, out, in, rows, 1f, dy, input.data(), 1f, dW);
            if (wantInputGrad) {
                dx = new float[rows * in];
                Blas.gemm(false, false, rows, in, out, 1f, dy, w, 0f, dx);
            }
        }
        weights.finishBackward();
        return dx == null ? null : Activation.dense(dx, input.frames(), input.batch(), input.shape());
    }

    /** dW[o][j] += dL/dI at the step input j spiked; accumulated transposed so the inner loop is contiguous. */
    private void gatherWeightGrad(Activation x, float[] dy, float[] dW) {
        int[] step = x.spikeStep();
        int batch = x.batch();
        float[] dWt = new float[in * out];
        for (int s = 0; s < batch; s++) {
            for (int j = 0; j < in; j++) {
                int t = step[s * in + j];
                if (t < 0) continue;
                int yo = (t * batch + s) * out;
                int wo = j * out;
                for (int o = 0; o < out; o++) dWt[wo + o] += dy[yo + o];
            }
        }
        for (int j = 0; j < in; j++)
            for (int o = 0; o < out; o++) dW[o * in + j] += dWt[j * out + o];
    }

    private void naiveForward(float[] x, int rows, float[] w, float[] y) {
        for (int r = 0; r < rows; r++)
            for (int o = 0; o < out; o++) {
                float acc = 0;
                for (int j = 0; j < in; j++) acc += w[o * in + j] * x[r * in + j];
                y[r * out + o] += acc;
            }
    }

    private void naiveWeightGrad(float[] x, float[] dy, int rows, float[] dW) {
        for (int r = 0; r < rows; r++)
            for (int o = 0; o < out; o++) {
                float d = dy[r * out + o];
                for (int j = 0; j < in; j++) dW[o * in + j] += d * x[r * in + j];
            }
    }

    private float[] naiveInputGrad(float[] dy, int rows, float[] w) {
        float[] dx = new float[rows * in];
        for (int r = 0; r < rows; r++)
            for (int o = 0; o < out; o++) {
                float d = dy[r * out + o];
                for (int j = 0; j < in; j++) dx[r * in + j] += d * w[o * in + j];
            }
        return dx;
    }

    private static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c];
        return t;
    }
}
