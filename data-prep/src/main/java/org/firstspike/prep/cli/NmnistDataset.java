package org.firstspike.prep.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.firstspike.core.io.LabeledImages;
import org.firstspike.prep.event.Events;
import org.firstspike.prep.io.NmnistWriter;
import org.firstspike.prep.synth.GreyImage;
import org.firstspike.prep.synth.SaccadeRecording;
import org.firstspike.prep.synth.Seeds;

/**
 * N-MNIST layout: {@code Train/<label>/<id>.bin} and {@code Test/<label>/<id>.bin}, one saccade recording per source
 * image among the first {@code trainCount} / {@code testCount} of each split, labelled with the image's label; {@code id} is the image's 1-based index in its split, zero-padded to 5 digits.
 */
final class NmnistDataset implements SynthDataset {
    private static final long SENSOR = 1, NOISE = 2;
    private final Path out;
    private final LabeledImages train;
    private final LabeledImages test;
    private final int trainCount;
    private final int testCount;
    private final SaccadeRecording.Settings settings;
    private final long seed;

    NmnistDataset(Path out, LabeledImages train, int trainCount, LabeledImages test, int testCount,
                  SaccadeRecording.Settings settings, long seed) throws IOException {
        this.out = out;
        this.train = train;
        this.test = test;
        this.trainCount = trainCount;
        this.testCount = testCount;
        this.settings = settings;
        this.seed = seed;
        createLabelDirectories(out.resolve("Train"), train, trainCount);
        createLabelDirectories(out.resolve("Test"), test, testCount);
    }

    private static void createLabelDirectories(Path splitDir, LabeledImages split, int count) throws IOException {
        for (int i = 0; i < count; i++) Files.createDirectories(splitDir.resolve(Integer.toString(split.labels()[i])));
    }

    @Override
    public int units() {
        return trainCount + testCount;
    }

    @Override
    public long[] writeUnit(int index) throws IOException {
        boolean isTrain = index < trainCount;
        LabeledImages split = isTrain ? train : test;
        int i = isTrain ? index : index - trainCount;
        Events events = SaccadeRecording.record(GreyImage.fromIdx(split.images(), i), settings,
                Seeds.derive(seed, SENSOR, 0), Seeds.derive(seed, NOISE, index));
        Path file = out.resolve(isTrain ? "Train" : "Test").resolve(Integer.toString(split.labels()[i]))
                .resolve(String.format("%05d.bin", i + 1));
        try (OutputStream o = Files.newOutputStream(file)) {
            NmnistWriter.write(events, o);
        }
        return new long[] {events.size()};
    }

    @Override
    public int writeIndex() {
        return 0;
    }
}
