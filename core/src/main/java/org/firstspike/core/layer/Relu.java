package org.firstspike.core.layer;

/** x = max(0, y): the hidden nonlinearity of the ReLU network a B1 network maps onto. */
public final class Relu implements HiddenUnits {
    private final Shape shape;
    private final ActivityL1 l1;
    private float[] output;
    private int batch;
    private long active;
    private double largest;
    private double l1Loss;

    public Relu(Shape shape, ActivityL1 l1) {
        this.shape = shape;
        this.l1 = l1;
    }

    @Override public Shape inputShape() { return shape; }

    @Override public Shape outputShape() { return shape; }

    @Override public String describe() { return "ReLU"; }

    @Override
    public Activation forward(Activation in, Pass pass) {
        float[] y = in.data();
        output = new float[y.length];
        batch = in.batch();
        active = 0;
        largest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            largest = Math.max(largest, y[i]);
            if (y[i] > 0) {
                output[i] = y[i];
                active++;
            }
        }
        l1Loss = l1.loss(output, batch);
        return Activation.dense(output, 1, batch, shape);
    }

    @Override
    public Activation backward(Activation gradOut, boolean wantInputGrad) {
        float[] g = gradOut.data().clone();
        l1.addGradient(output, batch, g);
        for (int i = 0; i < g.length; i++) if (output[i] <= 0) g[i] = 0f;
        return Activation.dense(g, 1, batch, shape);
    }

    @Override public long lastSpikeCount() { return active; }

    @Override public double lastLargestActivation() { return largest; }

    @Override public double lastL1Loss() { return l1Loss; }
}
