package org.firstspike.core.layer;

/**
 * A batch of activations over time, time-major: element (t, b, f) is at {@code (t * batch + b) * shape.size() + f}.
 * <p>{@code frames} is either T or 1; one frame means the value is the same at every step (a direct-encoded image
 * or the current it drives), which lets a layer do its work once instead of T times.
 * <p>{@code spikeStep}, when present, says that every element is non-zero at one step at most: entry
 * {@code b * shape.size() + f} is that step, or -1 for silence, and the value there is 1. Layers use it to do one
 * matrix product's worth of work per pass instead of T.
 */
public record Activation(float[] data, int frames, int batch, Shape shape, int[] spikeStep) {
    public Activation {
        if (data.length != frames * batch * shape.size())
            throw new IllegalArgumentException("activation data length " + data.length + " != frames " + frames
                    + " x batch " + batch + " x " + shape.size());
        if (spikeStep != null && spikeStep.length != batch * shape.size())
            throw new IllegalArgumentException("spikeStep length " + spikeStep.length + " != " + batch * shape.size());
    }

    public static Activation dense(float[] data, int frames, int batch, Shape shape) {
        return new Activation(data, frames, batch, shape, null);
    }

    public int features() { return shape.size(); }

    /** Rows of the (frames * batch) x features matrix view. */
    public int rows() { return frames * batch; }

    public Activation withShape(Shape s) {
        return new Activation(data, frames, batch, s, spikeStep);
    }

    /** Repeats a single frame T times (the reference engine's view of a constant input). */
    public Activation expand(int timeSteps) {
        if (frames == timeSteps) return this;
        if (frames != 1) throw new IllegalStateException("cannot expand " + frames + " frames to " + timeSteps);
        int n = data.length;
        float[] out = new float[n * timeSteps];
        for (int t = 0; t < timeSteps; t++) System.arraycopy(data, 0, out, t * n, n);
        return dense(out, timeSteps, batch, shape);
    }
}
