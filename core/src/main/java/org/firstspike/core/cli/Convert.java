package org.firstspike.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.DatasetFormat;
import org.firstspike.core.data.DatasetSplit;
import org.firstspike.core.data.Datasets;
import org.firstspike.core.exec.ComputeThreads;
import org.firstspike.core.io.ModelContents;
import org.firstspike.core.io.ModelFile;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.Conversion;
import org.firstspike.core.net.ExactTimeNetwork;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.net.Network;
import org.firstspike.core.train.WindowFit;
import org.firstspike.core.train.Evaluator;

/**
 * {@code firstspike convert}: turns a ReLU or B1 model into a B1 model file, optionally with its windows fitted to
 * the training data ({@code --window-scale S}: S x the largest activation per layer) and other model keys changed
 * with {@code --set} (e.g. b1.windows=fixed, b1.earlySpikes=clamp before fine-tuning under a latency budget). With
 * data it prints the test accuracy of the source and of the result.
 */
public final class Convert {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Convert() {}

    public static void main(String[] argv) {
        CommandLine.run("convert", () -> run(argv));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        Args a = Args.parse(argv, Set.of("--model", "--out", "--data", "--window-scale", "--threads"), Set.of());
        if (!a.has("--model") || !a.has("--out")) throw new IllegalArgumentException("--model and --out are required");
        String modelFile = a.get("--model", null);
        ModelContents contents = ModelFile.read(Path.of(modelFile));
        Network source = ModelIO.network(contents, modelFile);
        List<String> sets = new java.util.ArrayList<>(List.of("model.family=b1"));
        sets.addAll(a.sets());
        Settings target = ModelIO.settings(contents, modelFile).with(sets);
        ModelConfig config = ModelConfigs.from(target);
        ExactTimeNetwork b1 = Conversion.toB1(source, config);
        ComputeThreads.use(Integer.parseInt(a.get("--threads", "0")));
        ObjectNode summary = JSON.createObjectNode();
        summary.put("source_family", source.config().family().key());
        Map<String, String> meta = new LinkedHashMap<>(contents.metadata());
        meta.put("converted_from", modelFile);
        if (a.has("--data")) {
            Path data = Path.of(a.get("--data", null));
            DatasetFormat format = Datasets.formatOf(data);
            DatasetSplit train = format.load(data, "train", 0);
            DatasetSplit test = format.load(data, "test", 0);
            train.format().checkCompatible(config.input(), config.dataEncoding(), config.timeSteps());
            int batch = 1000;
            summary.put("source_test_accuracy", Evaluator.evaluate(source, test.samples(), batch, Engine.FAST).accuracy());
            if (a.has("--window-scale")) {
                double scale = Double.parseDouble(a.get("--window-scale", null));
                WindowFit.fit(b1, train.samples(), scale, batch, Engine.FAST);
                summary.put("window_scale", scale);
                meta.put("window_scale", Double.toString(scale));
            }
            var result = Evaluator.evaluate(b1, test.samples(), batch, Engine.FAST);
            summary.put("test_accuracy", result.accuracy());
            summary.put("spikes_per_neuron", result.spikesPerNeuron());
        } else if (a.has("--window-scale")) {
            throw new IllegalArgumentException("--window-scale needs --data (the windows are fitted to the training split)");
        }
        RunReports.putWindows(summary, b1);
        ModelIO.save(b1, target, meta, Path.of(a.get("--out", null)));
        summary.put("model", a.get("--out", null));
        System.out.println(JSON.writeValueAsString(summary));
        return summary;
    }
}
