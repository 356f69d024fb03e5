package org.firstspike.core.train;

import org.firstspike.core.metrics.EvalResult;

/** One epoch: training loss/accuracy over the epoch's batches, test metrics at its end, and throughput. */
public record EpochReport(int epoch, double trainLoss, double trainAccuracy, EvalResult test,
                          double trainSamplesPerSecond, double epochSeconds, double learningRate) {
}
