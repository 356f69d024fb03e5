package org.firstspike.core.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named float32 array of a model, e.g. a layer's weight matrix, with its logical shape.
 *
 * <p>A shape of {@code []} is a scalar holding exactly one element (the empty product); a shape
 * containing a 0 describes an empty tensor with no data, which is allowed so that a layer with no
 * parameters of some kind round-trips without special cases. {@code data} is row-major (last
 * index fastest). It is shared, not copied, because weight arrays can be hundreds of megabytes;
 * the shape is small and is copied so the length invariant cannot be broken from outside.
 *
 * @param name  non-empty identifier, unique within a {@link ModelContents}
 * @param shape dimensions, each {@code >= 0}
 * @param data  row-major values, length equal to the product of {@code shape}
 */
public record NamedTensor(String name, int[] shape, float[] data) implements java.io.Serializable {

    /** Largest array length every mainstream JVM can allocate. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    public NamedTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("tensor name is empty; expected a non-empty name");
        }
        shape = shape.clone();
        long elements = elementCount(shape);
        if (elements < 0) {
            throw new IllegalArgumentException("tensor \"" + name + "\": shape " + Arrays.toString(shape)
                    + " is invalid; expected dimensions >= 0 whose product is at most " + MAX_ELEMENTS);
        }
        if (data.length != elements) {
            throw new IllegalArgumentException("tensor \"" + name + "\": data has " + data.length
                    + " elements; expected " + elements + " for shape " + Arrays.toString(shape));
        }
    }

    /**
     * Number of elements a shape describes, or -1 if a dimension is negative or the product does
     * not fit in one Java array. Shared with the model reader so both apply the same rule.
     */
    static long elementCount(int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                return -1;
            }
            if (d == 0) {
                // Any zero dimension makes the tensor empty, however large the other dimensions are.
                return 0;
            }
        }
        long product = 1;
        for (int d : shape) {
            product *= d;
            if (product > MAX_ELEMENTS) {
                // Stopping at the first step past the limit keeps the running product far below long overflow.
                return -1;
            }
        }
        return product;
    }

    /** A copy of the shape; the stored one stays consistent with the data length. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Equal when names, shapes and values match; values compare as {@link Arrays#equals(float[], float[])}
     * does, so NaN equals NaN and -0.0 differs from 0.0.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof NamedTensor other
                && name.equals(other.name)
                && Arrays.equals(shape, other.shape)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Arrays.hashCode(data);
    }

    // The default would print array identities; the values can be far too many to print.
    @Override
    public String toString() {
        return "NamedTensor[name=" + name + ", shape=" + Arrays.toString(shape) + "]";
    }
}
