package org.firstspike.prep.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.firstspike.prep.io.CifarBinaryReader;
import org.firstspike.prep.io.CifarVariant;
import org.firstspike.prep.io.ImageBatch;
import org.firstspike.prep.layout.CorpusListing;
import org.firstspike.prep.layout.PlannedInputs;

/**
 * CIFAR-10 and CIFAR-100 binary versions: {@code data_batch_1..5.bin} + {@code test_batch.bin} (CIFAR-10), or
 * {@code train.bin} + {@code test.bin} (CIFAR-100, coarse or fine labels). One task per batch file.
 */
public final class CifarCorpus implements ImageCorpus {

    private final CifarVariant variant;

    public CifarCorpus(CifarVariant variant) {
        this.variant = variant;
    }

    @Override public String name() { return "cifar"; }

    @Override
    public List<String> classes() {
        return variant.classNames();
    }

    @Override
    public PlannedInputs<ImageUnit> plan(CorpusListing listing, int imagesPerTask) throws IOException {
        List<ImageUnit> units = new ArrayList<>();
        for (String split : List.of("train", "test")) {
            for (CorpusListing.Entry f : listing.files()) {
                if (split.equals(splitOf(f))) units.add(new ImageUnit(split, f.path(), null, f.relative(), 0, -1, f.bytes()));
            }
        }
        if (units.isEmpty())
            throw new IOException("no CIFAR binary batches found; expected data_batch_<n>.bin and test_batch.bin (CIFAR-10) "
                    + "or train.bin and test.bin (CIFAR-100)");
        List<String> ignored = listing.files().stream().filter(f -> splitOf(f) == null).map(CorpusListing.Entry::relative).toList();
        return new PlannedInputs<>(units, List.of(), ignored);
    }

    private String splitOf(CorpusListing.Entry f) {
        String name = f.relative().substring(f.relative().lastIndexOf('/') + 1);
        if (variant == CifarVariant.CIFAR10) {
            if (name.matches("data_batch_\\d+\\.bin")) return "train";
            return name.equals("test_batch.bin") ? "test" : null;
        }
        return switch (name) {
            case "train.bin" -> "train";
            case "test.bin" -> "test";
            default -> null;
        };
    }

    @Override
    public LabeledBlock decode(ImageUnit unit, byte[] images, byte[] labels) throws IOException {
        ImageBatch b = CifarBinaryReader.read(unit.images(), images, variant);
        return new LabeledBlock(b.count(), b.channels(), b.height(), b.width(), b.pixels(), b.labels());
    }
}
