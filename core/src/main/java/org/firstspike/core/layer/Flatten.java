package org.firstspike.core.layer;

/** Views a CxHxW activation as a flat vector; data, frames and spike steps are unchanged. */
public final class Flatten implements Layer {
    private final Shape in;

    public Flatten(Shape in) {
        this.in = in;
    }

    @Override public Shape inputShape() { return in; }

    @Override public Shape outputShape() { return Shape.flat(in.size()); }

    @Override public String describe() { return "FLAT"; }

    @Override
    public Activation forward(Activation x, Pass pass) {
        return x.withShape(outputShape());
    }

    @Override
    public Activation backward(Activation gradOut, boolean wantInputGrad) {
        return wantInputGrad ? gradOut.withShape(in) : null;
    }
}
