package org.firstspike.prep.recipe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.firstspike.core.cli.Args;
import org.firstspike.core.encode.InputEncoding;
import org.firstspike.prep.image.CifarCorpus;
import org.firstspike.prep.image.IdxCorpus;
import org.firstspike.prep.image.ImageCoding;
import org.firstspike.prep.image.ImageCorpus;
import org.firstspike.prep.io.CifarVariant;

/** A validated {@code prep-images} recipe, built from the command line before any Spark work starts. */
public record ImageRecipe(String input, String out, ImageCorpus corpus, ImageCoding coding, int imagesPerTask,
                          BadInputPolicy onBadInput, String compression, boolean force) {

    public static final Set<String> OPTIONS = Set.of("--format", "--input", "--out", "--encoding", "--frames",
            "--cifar", "--images-per-task", "--on-bad-input", "--compression");
    public static final Set<String> FLAGS = Set.of("--force");

    public static ImageRecipe parse(String[] argv) {
        Args a = Args.parse(argv, OPTIONS, FLAGS);
        if (!a.sets().isEmpty()) throw new IllegalArgumentException("prep-images takes no --set options");
        String format = EventRecipe.require(a, "--format");
        if (!format.equals("cifar") && a.has("--cifar")) throw new IllegalArgumentException("--cifar applies to --format cifar only");
        ImageCorpus corpus = switch (format) {
            case "idx" -> new IdxCorpus();
            case "cifar" -> new CifarCorpus(switch (a.get("--cifar", "10")) {
                case "10" -> CifarVariant.CIFAR10;
                case "100-coarse" -> CifarVariant.CIFAR100_COARSE;
                case "100", "100-fine" -> CifarVariant.CIFAR100_FINE;
                default -> throw new IllegalArgumentException("--cifar '" + a.get("--cifar", null) + "': expected 10, 100 (fine labels) or 100-coarse");
            });
            default -> throw new IllegalArgumentException("--format '" + format + "': expected idx or cifar");
        };
        InputEncoding encoding = InputEncoding.parse(a.get("--encoding", "direct"));
        int frames = a.has("--frames") ? EventRecipe.positiveInt(a.get("--frames", null), "--frames") : 1;
        if (encoding == InputEncoding.LATENCY && !a.has("--frames"))
            throw new IllegalArgumentException("--encoding latency needs --frames T (the number of time steps)");
        return new ImageRecipe(EventRecipe.require(a, "--input"), EventRecipe.require(a, "--out"), corpus,
                new ImageCoding(encoding, frames), EventRecipe.positiveInt(a.get("--images-per-task", "10000"), "--images-per-task"),
                BadInputPolicy.parse(a.get("--on-bad-input", "fail")), EventRecipe.compression(a.get("--compression", "zstd")),
                a.flag("--force"));
    }

    public ObjectNode toJson() {
        ObjectNode r = new ObjectMapper().createObjectNode();
        r.put("input", input);
        r.put("format", corpus.name());
        r.put("encoding", coding.name());
        r.put("time_steps", coding.timeSteps());
        if (coding.encoding() == InputEncoding.LATENCY)
            r.put("latency_code", "step = round((1 - pixel/255) * (T - 1)) for pixel > 0, " + ImageCoding.NO_SPIKE + " = no spike");
        r.put("images_per_task", imagesPerTask);
        r.put("on_bad_input", onBadInput.name().toLowerCase());
        r.put("compression", compression);
        return r;
    }
}
