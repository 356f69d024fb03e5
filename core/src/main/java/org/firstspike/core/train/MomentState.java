package org.firstspike.core.train;

import java.util.List;
import org.firstspike.core.net.Parameter;

/** Per-tensor state buffers of an optimizer (one or more per parameter) and their flat view. */
final class MomentState {
    private final float[][][] buffers;  // [kind][parameter] -> values

    MomentState(List<Parameter> params, int kinds) {
        buffers = new float[kinds][params.size()][];
        for (int k = 0; k < kinds; k++)
            for (int i = 0; i < params.size(); i++) buffers[k][i] = new float[params.get(i).size()];
    }

    float[] get(int kind, int param) { return buffers[kind][param]; }

    float[] flat() {
        int n = 0;
        for (float[][] kind : buffers) for (float[] b : kind) n += b.length;
        float[] v = new float[n];
        int o = 0;
        for (float[][] kind : buffers)
            for (float[] b : kind) {
                System.arraycopy(b, 0, v, o, b.length);
                o += b.length;
            }
        return v;
    }

    void setFlat(float[] v) {
        int n = 0;
        for (float[][] kind : buffers) for (float[] b : kind) n += b.length;
        if (v.length != n) throw new IllegalArgumentException("optimizer state has " + v.length + " values, expected " + n);
        int o = 0;
        for (float[][] kind : buffers)
            for (float[] b : kind) {
                System.arraycopy(v, o, b, 0, b.length);
                o += b.length;
            }
    }
}
