package org.firstspike.core.surrogate;

/** Rectangular (boxcar) surrogate of width alpha: g'(x) = 1/alpha for |x| < alpha/2; its primitive is a clamped ramp. */
public record RectangularSurrogate(float alpha) implements Surrogate {
    public RectangularSurrogate {
        if (!(alpha > 0)) throw new IllegalArgumentException("rectangular surrogate width must be > 0, got " + alpha);
    }

    @Override
    public float primitive(float x) {
        return Math.min(1f, Math.max(0f, x / alpha + 0.5f));
    }

    @Override
    public float derivative(float x) {
        return Math.abs(x) < alpha * 0.5f ? 1f / alpha : 0f;
    }

    @Override
    public String name() { return "rectangular"; }
}
