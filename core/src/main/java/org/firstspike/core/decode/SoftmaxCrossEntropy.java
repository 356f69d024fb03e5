package org.firstspike.core.decode;

/** Mean softmax cross-entropy over a batch of logits, with its gradient. */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    /** Returns the mean loss and writes dL/dlogits (already divided by the batch size) into {@code grad}. */
    public static double lossAndGradient(float[] logits, int[] labels, int batch, int classes, float[] grad) {
        double total = 0;
        for (int b = 0; b < batch; b++) {
            int o = b * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) max = Math.max(max, logits[o + c]);
            double z = 0;
            for (int c = 0; c < classes; c++) z += Math.exp(logits[o + c] - max);
            total += Math.log(z) + max - logits[o + labels[b]];
            for (int c = 0; c < classes; c++) {
                double p = Math.exp(logits[o + c] - max) / z;
                grad[o + c] = (float) ((p - (c == labels[b] ? 1 : 0)) / batch);
            }
        }
        return total / batch;
    }
}
