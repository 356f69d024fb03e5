package org.firstspike.prep.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.firstspike.core.io.LabeledImages;
import org.firstspike.prep.event.Events;
import org.firstspike.prep.io.Aedat20Writer;
import org.firstspike.prep.io.CifarVariant;
import org.firstspike.prep.synth.GreyImage;
import org.firstspike.prep.synth.MonitorRecording;
import org.firstspike.prep.synth.Seeds;

/**
 * CIFAR10-DVS layout: {@code <class>/cifar10_<class>_<i>.aedat}, the first {@code perClass} images of each label.
 * Folders carry the CIFAR-10 class names so that any CIFAR10-DVS reader works unchanged; label k (a Fashion-MNIST
 * class when the images are Fashion-MNIST) goes to the k-th name, and the names are in alphabetical order, so readers
 * that number classes by sorted folder name get k back.
 */
final class Cifar10DvsDataset implements SynthDataset {
    static final List<String> CLASSES = CifarVariant.CIFAR10.classNames();
    private static final long SENSOR = 1, NOISE = 2;
    private final Path out;
    private final LabeledImages images;
    private final int perClass;
    /** Source image index of unit u = class * perClass + i. */
    private final int[] source;
    private final MonitorRecording.Settings settings;
    private final long seed;

    Cifar10DvsDataset(Path out, LabeledImages images, int perClass, MonitorRecording.Settings settings, long seed) throws IOException {
        this.out = out;
        this.images = images;
        this.perClass = perClass;
        this.settings = settings;
        this.seed = seed;
        source = new int[CLASSES.size() * perClass];
        int[] found = new int[CLASSES.size()];
        int[] labels = images.labels();
        for (int k = 0; k < labels.length; k++) {
            int c = labels[k];
            if (c < 0 || c >= CLASSES.size())
                throw new IllegalArgumentException(images.images().source() + ": label " + c + " at image " + k + "; cifar10-dvs needs labels 0..9");
            if (found[c] < perClass) source[c * perClass + found[c]++] = k;
        }
        for (int c = 0; c < found.length; c++)
            if (found[c] < perClass)
                throw new IllegalArgumentException("--per-class " + perClass + ": " + images.images().source() + " has only "
                        + found[c] + " images of label " + c + " (" + Arrays.stream(found).min().orElse(0) + " for the rarest)");
        for (String name : CLASSES) Files.createDirectories(out.resolve(name));
    }

    @Override
    public int units() {
        return source.length;
    }

    @Override
    public long[] writeUnit(int index) throws IOException {
        String name = CLASSES.get(index / perClass);
        Events events = MonitorRecording.record(GreyImage.fromIdx(images.images(), source[index]), settings,
                Seeds.derive(seed, SENSOR, 0), Seeds.derive(seed, NOISE, index));
        Path file = out.resolve(name).resolve("cifar10_" + name + "_" + index % perClass + ".aedat");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Aedat20Writer.write(events, o);
        }
        return new long[] {events.size()};
    }

    @Override
    public int writeIndex() {
        return 0;
    }
}
