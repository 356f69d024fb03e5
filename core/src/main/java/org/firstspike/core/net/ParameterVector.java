package org.firstspike.core.net;

import java.util.List;

/** The flat view of a list of tensors: what a distributed trainer broadcasts, sums and averages. */
public final class ParameterVector {
    private ParameterVector() {}

    public static int size(List<Parameter> ps) {
        int n = 0;
        for (Parameter p : ps) n += p.size();
        return n;
    }

    public static float[] values(List<Parameter> ps) {
        float[] v = new float[size(ps)];
        int o = 0;
        for (Parameter p : ps) {
            System.arraycopy(p.value(), 0, v, o, p.size());
            o += p.size();
        }
        return v;
    }

    public static void setValues(List<Parameter> ps, float[] v) {
        if (v.length != size(ps))
            throw new IllegalArgumentException("parameter vector has " + v.length + " values, the model needs " + size(ps));
        int o = 0;
        for (Parameter p : ps) {
            System.arraycopy(v, o, p.value(), 0, p.size());
            o += p.size();
        }
    }

    public static float[] gradients(List<Parameter> ps) {
        float[] g = new float[size(ps)];
        int o = 0;
        for (Parameter p : ps) {
            System.arraycopy(p.grad(), 0, g, o, p.size());
            o += p.size();
        }
        return g;
    }
}
