package org.firstspike.core.infer;

import org.firstspike.core.layer.Shape;

/**
 * Average pooling as an index map: a spike at an input position becomes an event of value 1/k^2 at its window's
 * output, which the next synaptic layer then propagates (ETTFS Eq. 25: pooling followed by a synaptic layer is one
 * linear map). Positions in the dropped trailing rows and columns map to -1.
 */
final class PoolMap {
    private final int[] target;
    private final float scale;

    PoolMap(Shape in, int k) {
        Shape out = new Shape(in.channels(), in.height() / k, in.width() / k);
        this.target = new int[in.size()];
        for (int c = 0; c < in.channels(); c++)
            for (int y = 0; y < in.height(); y++)
                for (int x = 0; x < in.width(); x++) {
                    int oy = y / k;
                    int ox = x / k;
                    target[(c * in.height() + y) * in.width() + x] =
                            oy < out.height() && ox < out.width() ? (c * out.height() + oy) * out.width() + ox : -1;
                }
        this.scale = 1f / (k * k);  // the float the dense layer multiplies by
    }

    int target(int input) { return target[input]; }

    float scale() { return scale; }
}
