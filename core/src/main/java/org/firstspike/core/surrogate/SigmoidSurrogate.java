package org.firstspike.core.surrogate;

/** Sigmoid surrogate: g(x) = sigma(alpha x), g'(x) = alpha sigma(alpha x) (1 - sigma(alpha x)). */
public record SigmoidSurrogate(float alpha) implements Surrogate {
    public SigmoidSurrogate {
        if (!(alpha > 0)) throw new IllegalArgumentException("sigmoid surrogate alpha must be > 0, got " + alpha);
    }

    @Override
    public float primitive(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-alpha * x)));
    }

    @Override
    public float derivative(float x) {
        float s = primitive(x);
        return alpha * s * (1f - s);
    }

    @Override
    public String name() { return "sigmoid"; }
}
