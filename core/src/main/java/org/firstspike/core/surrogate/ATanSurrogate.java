package org.firstspike.core.surrogate;

/** SpikingJelly's ATan: g(x) = arctan(pi/2 alpha x)/pi + 1/2, g'(x) = alpha / (2 (1 + (pi/2 alpha x)^2)). */
public record ATanSurrogate(float alpha) implements Surrogate {
    private static final float HALF_PI = (float) (Math.PI / 2);

    public ATanSurrogate {
        if (!(alpha > 0)) throw new IllegalArgumentException("atan surrogate alpha must be > 0, got " + alpha);
    }

    @Override
    public float primitive(float x) {
        return (float) (Math.atan(HALF_PI * alpha * x) / Math.PI + 0.5);
    }

    @Override
    public float derivative(float x) {
        float u = HALF_PI * alpha * x;
        return alpha / (2f * (1f + u * u));
    }

    @Override
    public String name() { return "atan"; }
}
