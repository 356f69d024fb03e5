package org.firstspike.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstspike.core.config.Settings;
import org.firstspike.core.io.ModelContents;
import org.firstspike.core.io.NamedTensor;

/**
 * Everything needed to continue a distributed run exactly: the training state (parameters, optimizer moments, step
 * count), the number of rounds done (which fixes the epoch, the position in it and every shuffle, since sample orders
 * are functions of (seed, partition, epoch)), the running training statistics of the current epoch and the best test
 * accuracy so far. Stored in the model-file container (docs/MODEL_FORMAT.md) with {@code kind = checkpoint}.
 *
 * @param epochStats loss sum, correct predictions and samples of the epoch in progress
 */
public record Checkpoint(TrainingState state, int rounds, double[] epochStats, double bestAccuracy) {
    private static final String PARAMS = "state.params";
    private static final String OPTIMIZER = "state.optimizer";
    private static final String BUFFERS = "state.buffers";

    public ModelContents toContents(Settings settings) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("kind", "checkpoint");
        meta.put("rounds", Integer.toString(rounds));
        meta.put("steps", Long.toString(state.steps()));
        meta.put("epoch_loss_sum", Double.toString(epochStats[0]));
        meta.put("epoch_correct", Double.toString(epochStats[1]));
        meta.put("epoch_samples", Double.toString(epochStats[2]));
        meta.put("best_test_accuracy", Double.toString(bestAccuracy));
        return new ModelContents(settings.values(), meta, List.of(
                new NamedTensor(PARAMS, new int[] {state.params().length}, state.params()),
                new NamedTensor(OPTIMIZER, new int[] {state.optimizerState().length}, state.optimizerState()),
                new NamedTensor(BUFFERS, new int[] {state.buffers().length}, state.buffers())));
    }

    /** The checkpoint in {@code contents}; {@code source} names the file in messages. */
    public static Checkpoint fromContents(ModelContents contents, String source) {
        Map<String, String> m = contents.metadata();
        if (!"checkpoint".equals(m.get("kind")))
            throw new IllegalArgumentException(source + ": kind '" + m.get("kind") + "'; expected a checkpoint written by 'firstspike train'");
        float[] params = null, optimizer = null, buffers = null;
        for (NamedTensor t : contents.tensors()) {
            if (t.name().equals(PARAMS)) params = t.data();
            if (t.name().equals(OPTIMIZER)) optimizer = t.data();
            if (t.name().equals(BUFFERS)) buffers = t.data();
        }
        if (params == null || optimizer == null)
            throw new IllegalArgumentException(source + ": checkpoint lacks " + PARAMS + " or " + OPTIMIZER);
        if (buffers == null) buffers = new float[0];  // written before networks had buffers (ETTFS has none)
        return new Checkpoint(new TrainingState(params, optimizer, buffers, Long.parseLong(m.get("steps"))), Integer.parseInt(m.get("rounds")),
                new double[] {Double.parseDouble(m.get("epoch_loss_sum")), Double.parseDouble(m.get("epoch_correct")),
                        Double.parseDouble(m.get("epoch_samples"))}, Double.parseDouble(m.get("best_test_accuracy")));
    }
}
