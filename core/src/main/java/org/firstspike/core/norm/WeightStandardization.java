package org.firstspike.core.norm;

import org.firstspike.core.exec.Workers;

/**
 * ETTFS training-time weight normalization (spec 1.5, best reading): each output row of W (fan-in n) is
 * standardized and rescaled to the ETTFS-init statistics, then scaled by a learnable gamma:
 * W_eff[i][j] = gamma[i] * sqrt(T/n) * (W[i][j] - mean_i) / sqrt(var_i + eps). The layer's bias plays beta.
 * No batch statistics are involved, so the folded W_eff gives the same outputs at inference.
 */
public final class WeightStandardization {
    public static final float EPS = 1e-5f;

    private final int rows;
    private final int fanIn;
    private final float scale;
    private final float[] unit;      // (W - mean)/std, kept for backward
    private final float[] invStd;

    public WeightStandardization(int rows, int fanIn, int timeSteps) {
        this.rows = rows;
        this.fanIn = fanIn;
        this.scale = (float) Math.sqrt((double) timeSteps / fanIn);
        this.unit = new float[rows * fanIn];
        this.invStd = new float[rows];
    }

    /** Writes the effective weights into {@code out}. */
    public void forward(float[] w, float[] gamma, float[] out) {
        Workers.forRange(rows, fanIn, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                int o = i * fanIn;
                double sum = 0;
                for (int j = 0; j < fanIn; j++) sum += w[o + j];
                float mean = (float) (sum / fanIn);
                double sq = 0;
                for (int j = 0; j < fanIn; j++) {
                    float d = w[o + j] - mean;
                    sq += d * d;
                }
                float inv = (float) (1.0 / Math.sqrt(sq / fanIn + EPS));
                invStd[i] = inv;
                float k = gamma[i] * scale;
                for (int j = 0; j < fanIn; j++) {
                    float u = (w[o + j] - mean) * inv;
                    unit[o + j] = u;
                    out[o + j] = k * u;
                }
            }
        });
    }

    /** Adds dL/dW and dL/dgamma given dL/dW_eff (standard backward through a per-row standardization). */
    public void backward(float[] dEff, float[] gamma, float[] dW, float[] dGamma) {
        Workers.forRange(rows, fanIn, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                int o = i * fanIn;
                double dg = 0;
                double sumDu = 0;
                double sumDuU = 0;
                float k = gamma[i] * scale;
                for (int j = 0; j < fanIn; j++) {
                    float de = dEff[o + j];
                    float u = unit[o + j];
                    dg += de * u;
                    float du = k * de;
                    sumDu += du;
                    sumDuU += du * u;
                }
                dGamma[i] += (float) (dg * scale);
                float meanDu = (float) (sumDu / fanIn);
                float meanDuU = (float) (sumDuU / fanIn);
                float inv = invStd[i];
                for (int j = 0; j < fanIn; j++) {
                    float du = k * dEff[o + j];
                    dW[o + j] += (du - meanDu - unit[o + j] * meanDuU) * inv;
                }
            }
        });
    }
}
