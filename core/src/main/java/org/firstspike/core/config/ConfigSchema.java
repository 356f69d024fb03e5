package org.firstspike.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every configuration key FirstSpike knows, with its default. Where the papers leave a choice open the default is
 * the documented best reading or the measured best (docs/RESULTS.md); see docs/CONFIG.md for each key.
 */
public final class ConfigSchema {
    private ConfigSchema() {}

    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("model.family", "ettfs");
        d.put("model.input", "1x28x28");
        d.put("model.layers", "FC800-FC10");
        d.put("model.classes", "10");
        d.put("model.timeSteps", "8");
        d.put("model.encoding", "direct");
        d.put("neuron.model", "if");
        d.put("neuron.threshold", "1.0");
        d.put("neuron.tau", "2.0");
        d.put("neuron.forceFireAtLastStep", "false");
        d.put("neuron.smoothSpikes", "false");
        d.put("surrogate.type", "atan");
        d.put("surrogate.alpha", "auto");
        d.put("init.scheme", "auto");
        d.put("norm.enabled", "true");
        d.put("decoder.weighting", "exponential");
        d.put("decoder.lambda", "2.0");
        d.put("decoder.logitScale", "4.0");
        d.put("decoder.learnableScale", "false");
        d.put("decoder.tieBreak", "potential");
        d.put("b1.initialWindow", "1500");
        d.put("b1.windowGrowth", "10");
        d.put("b1.windows", "adaptive");
        d.put("b1.earlySpikes", "keep");
        d.put("b1.l1", "0");
        d.put("hw.jitter", "0");
        d.put("hw.timeBits", "0");
        d.put("hw.weightBits", "0");
        d.put("hw.weightMin", "-1");
        d.put("hw.weightMax", "1");
        d.put("train.epochs", "5");
        d.put("train.batchSize", "128");
        d.put("train.optimizer", "adam");
        d.put("train.lr", "0.001");
        d.put("train.momentum", "0.9");
        d.put("train.weightDecay", "0");
        d.put("train.warmup", "0.05");
        d.put("train.schedule", "cosine");
        d.put("train.decaySteps", "5000");
        d.put("train.decayRate", "0.9");
        d.put("train.seed", "42");
        d.put("train.engine", "fast");
        d.put("train.threads", "0");
        d.put("train.trainLimit", "0");
        d.put("train.testLimit", "0");
        d.put("train.workers", "0");
        d.put("train.averagingFrequency", "5");
        d.put("train.aggregationDepth", "2");
        d.put("train.checkpointEvery", "0");
        d.put("train.evalBatchSize", "1000");
        return java.util.Collections.unmodifiableMap(d);
    }

    /** Keys saved with a model: everything that defines the network, nothing about training. */
    public static boolean isModelKey(String key) {
        return !key.startsWith("train.");
    }
}
