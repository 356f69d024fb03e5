package org.firstspike.core.infer;

/** Input currents of one layer for one sample, summed in float as the dense layers sum them: bias first, then events. */
final class CurrentBuffer implements Currents {
    private final float[] values;

    CurrentBuffer(int size) {
        this.values = new float[size];
    }

    void start(float[] bias) {
        System.arraycopy(bias, 0, values, 0, values.length);
    }

    @Override public void add(int n, double value) { values[n] += (float) value; }

    @Override
    public void addToAll(float[] w, int offset, double value) {
        float v = (float) value;
        for (int n = 0; n < values.length; n++) values[n] += v * w[offset + n];
    }

    /** A copy of the currents. */
    float[] values() { return values.clone(); }
}
