package org.firstspike.core.surrogate;

/**
 * A surrogate for the Heaviside spike function: the forward pass fires on x = H - V_th >= 0, the backward pass uses
 * {@link #derivative}. {@link #primitive} is the smooth function whose derivative that is; the gradient-check mode
 * spikes with it so that the surrogate gradient becomes the exact gradient.
 */
public interface Surrogate {
    float primitive(float x);

    float derivative(float x);

    String name();

    float alpha();

    static Surrogate of(String name, double alpha) {
        return switch (name) {
            case "atan" -> new ATanSurrogate((float) alpha);
            case "sigmoid" -> new SigmoidSurrogate((float) alpha);
            case "rectangular" -> new RectangularSurrogate((float) alpha);
            default -> throw new IllegalArgumentException("surrogate '" + name + "': expected atan, sigmoid or rectangular");
        };
    }

    /** SpikingJelly's defaults: ATan alpha 2, Sigmoid alpha 4; rectangular window of width 1. */
    static double defaultAlpha(String name) {
        return switch (name) {
            case "sigmoid" -> 4.0;
            case "rectangular" -> 1.0;
            default -> 2.0;
        };
    }
}
