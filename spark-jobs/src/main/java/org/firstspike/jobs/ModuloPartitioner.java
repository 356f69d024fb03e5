package org.firstspike.jobs;

import org.apache.spark.Partitioner;

/** Sends sample number i to partition i mod W: balanced partitions (sizes differ by at most one), fixed by the data order. */
final class ModuloPartitioner extends Partitioner {
    private final int partitions;

    ModuloPartitioner(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return (int) ((Long) key % partitions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModuloPartitioner m && m.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
