package org.firstspike.core.infer;

/** A fully connected layer's fan-out: an event on input j adds its weight column, stored contiguous, to every output. */
final class LinearFanout implements Fanout {
    private final int in;
    private final int out;
    private final float[] columns;  // [in][out]

    /** {@code weights} is [out][in] as the layer stores it. */
    LinearFanout(float[] weights, int in, int out) {
        this.in = in;
        this.out = out;
        this.columns = new float[in * out];
        for (int o = 0; o < out; o++)
            for (int j = 0; j < in; j++) columns[j * out + o] = weights[o * in + j];
    }

    @Override
    public long propagate(int input, double value, Currents target) {
        target.addToAll(columns, input * out, value);
        return out;
    }

    @Override public long synapses() { return (long) in * out; }
}
