package org.firstspike.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a round's time goes: its wall time on the driver against the mean time a worker spent training inside it.
 * The difference is the price of averaging: scheduling, broadcasting the state, shipping and summing the results.
 */
final class RoundTiming {
    private long rounds;
    private double wall;
    private double compute;

    void add(double wallSeconds, double meanWorkerSeconds) {
        rounds++;
        wall += wallSeconds;
        compute += meanWorkerSeconds;
    }

    void putInto(ObjectNode summary) {
        if (rounds == 0) return;
        summary.put("round_seconds_mean", wall / rounds);
        summary.put("worker_compute_seconds_mean", compute / rounds);
        summary.put("averaging_overhead_seconds_mean", (wall - compute) / rounds);
    }
}
