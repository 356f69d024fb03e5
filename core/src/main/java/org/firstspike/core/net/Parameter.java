package org.firstspike.core.net;

import java.util.Arrays;

/** A trainable tensor with its gradient; {@code decays} marks the tensors weight decay applies to (weights only). */
public final class Parameter {
    private final String name;
    private final int[] shape;
    private final float[] value;
    private final float[] grad;
    private final boolean decays;

    public Parameter(String name, int[] shape, boolean decays) {
        this.name = name;
        this.shape = shape.clone();
        int n = 1;
        for (int d : shape) n *= d;
        this.value = new float[n];
        this.grad = new float[n];
        this.decays = decays;
    }

    public String name() { return name; }

    public int[] shape() { return shape.clone(); }

    public float[] value() { return value; }

    public float[] grad() { return grad; }

    public boolean decays() { return decays; }

    public int size() { return value.length; }

    public void zeroGrad() { Arrays.fill(grad, 0f); }
}
