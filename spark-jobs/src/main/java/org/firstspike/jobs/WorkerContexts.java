package org.firstspike.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.exec.ComputeThreads;
import org.firstspike.core.net.Network;
import org.firstspike.core.train.Optimizer;
import org.firstspike.core.train.TrainConfig;

/**
 * The network and optimizer a task trains with, built once per executor JVM, settings and partition (two partitions
 * may train at the same time in one JVM) and reused across rounds; their values always come from the broadcast state.
 */
final class WorkerContexts {
    record Context(Network net, Optimizer optimizer, TrainConfig cfg) {}

    private static final Map<String, Context> CONTEXTS = new ConcurrentHashMap<>();

    private WorkerContexts() {}

    static Context get(Map<String, String> settings, int partition) {
        return CONTEXTS.computeIfAbsent(settings.hashCode() + "#" + partition, k -> {
            // one core per task: BLAS and worker threads at 1, so W tasks on W cores never oversubscribe
            ComputeThreads.use(1);
            Settings s = Settings.of(settings);
            TrainConfig cfg = TrainConfig.from(s);
            Network net = Network.create(ModelConfigs.from(s), cfg.seed());
            return new Context(net, Optimizer.create(cfg.optimizer(), net.parameters(), cfg.momentum(), cfg.weightDecay()), cfg);
        });
    }
}
