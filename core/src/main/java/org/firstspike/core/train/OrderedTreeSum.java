package org.firstspike.core.train;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sum of per-partition vectors whose result does not depend on the order in which partial sums meet. Floating-point
 * addition is not associative, and Spark merges task results in completion order; so the sum is defined over a fixed
 * binary tree of partition ids (leaves 0..P-1, P the next power of two) and two partial sums are added only when they
 * are the two children of one tree node. Any merge order then performs the same additions, and the total is
 * bit-identical from run to run and across task retries. Partials can be merged on executors (treeAggregate), so the
 * driver still receives few vectors. Slots [maxFrom, maxTo) are merged by maximum instead (B1 windows, which only
 * grow); max is order-independent anyway.
 */
public final class OrderedTreeSum implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Complete tree nodes held: key = level << 32 | index; a node at level l covers leaves [index·2^l, (index+1)·2^l). */
    private final TreeMap<Long, double[]> nodes = new TreeMap<>();
    private int maxFrom;
    private int maxTo;

    /** An empty sum (the zero of an aggregation). */
    public OrderedTreeSum() {}

    /** The sum holding partition {@code id}'s vector alone; every slot is summed. */
    public static OrderedTreeSum leaf(int id, double[] vector) {
        return leaf(id, vector, 0, 0);
    }

    /** The sum holding partition {@code id}'s vector alone; slots [maxFrom, maxTo) are merged by maximum. */
    public static OrderedTreeSum leaf(int id, double[] vector, int maxFrom, int maxTo) {
        if (id < 0) throw new IllegalArgumentException("partition id " + id);
        if (maxFrom < 0 || maxTo < maxFrom || maxTo > vector.length)
            throw new IllegalArgumentException("max slots [" + maxFrom + ", " + maxTo + ") outside a vector of " + vector.length);
        OrderedTreeSum s = new OrderedTreeSum();
        s.nodes.put(key(0, id), vector);
        s.maxFrom = maxFrom;
        s.maxTo = maxTo;
        return s;
    }

    private static long key(int level, long index) {
        return (long) level << 32 | index;
    }

    /** Adds {@code other}'s nodes to this sum (the two must hold disjoint partitions); returns this. */
    public OrderedTreeSum merge(OrderedTreeSum other) {
        if (nodes.isEmpty()) {
            maxFrom = other.maxFrom;
            maxTo = other.maxTo;
        } else if (!other.nodes.isEmpty() && (other.maxFrom != maxFrom || other.maxTo != maxTo)) {
            throw new IllegalStateException("sums with different max slots cannot be merged");
        }
        for (Map.Entry<Long, double[]> e : other.nodes.entrySet()) insert(e.getKey(), e.getValue());
        return this;
    }

    private void insert(long key, double[] value) {
        while (true) {
            if (nodes.containsKey(key)) throw new IllegalStateException("partition range added twice: node " + Long.toHexString(key));
            int level = (int) (key >>> 32);
            long index = key & 0xFFFFFFFFL;
            long siblingKey = key(level, index ^ 1);
            double[] sibling = nodes.remove(siblingKey);
            if (sibling == null) {
                nodes.put(key, value);
                return;
            }
            double[] left = (index & 1) == 0 ? value : sibling;
            double[] right = (index & 1) == 0 ? sibling : value;
            double[] sum = new double[left.length];
            for (int i = 0; i < sum.length; i++) sum[i] = i >= maxFrom && i < maxTo ? Math.max(left[i], right[i]) : left[i] + right[i];
            key = key(level + 1, index >>> 1);
            value = sum;
        }
    }

    /** The total over partitions 0..count-1, all of which must have been added; absent leaves of the tree are zero. */
    public double[] total(int count) {
        int leaves = Integer.highestOneBit(Math.max(1, count - 1)) << (count > 1 ? 1 : 0);
        OrderedTreeSum full = new OrderedTreeSum().merge(this);
        int length = nodes.firstEntry() == null ? 0 : nodes.firstEntry().getValue().length;
        for (int id = count; id < leaves; id++) full.insert(key(0, id), new double[length]);
        int top = Integer.numberOfTrailingZeros(leaves);
        double[] root = full.nodes.get(key(top, 0));
        if (root == null || full.nodes.size() != 1)
            throw new IllegalStateException("sum over " + count + " partitions is missing some: holds " + describe());
        return root;
    }

    private String describe() {
        StringBuilder b = new StringBuilder();
        for (long k : nodes.keySet()) b.append(" level ").append(k >>> 32).append(" index ").append(k & 0xFFFFFFFFL);
        return b.toString().trim();
    }
}
