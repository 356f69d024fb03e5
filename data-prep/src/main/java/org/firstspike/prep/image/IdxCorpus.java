package org.firstspike.prep.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.firstspike.core.io.IdxImages;
import org.firstspike.core.io.IdxReader;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.layout.CorpusListing;
import org.firstspike.prep.layout.PlannedInputs;

/**
 * IDX image sets (MNIST, Fashion-MNIST, EMNIST): {@code [prefix]train-images-idx3-ubyte[.gz]} with
 * {@code [prefix]train-labels-idx1-ubyte[.gz]}, and the same for {@code t10k} or {@code test}. Large files are cut
 * into blocks of images so several tasks share one file; each task decodes the file and keeps its block.
 */
public final class IdxCorpus implements ImageCorpus {
    private static final Pattern IMAGES = Pattern.compile("(.*?)(train|t10k|test)-images-idx3-ubyte(\\.gz)?");

    @Override public String name() { return "idx"; }

    @Override
    public List<String> classes() {
        return List.of();  // IDX carries no class names; labels are reported by index
    }

    @Override
    public PlannedInputs<ImageUnit> plan(CorpusListing listing, int imagesPerTask) throws IOException {
        List<ImageUnit> units = new ArrayList<>();
        List<MalformedInputException> problems = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String split : List.of("train", "test")) {
            for (CorpusListing.Entry f : listing.files()) {
                Matcher m = IMAGES.matcher(f.relative());
                if (!m.matches() || !split.equals(m.group(2).equals("t10k") ? "test" : m.group(2))) continue;
                used.add(f.relative());
                String labelsName = m.group(1) + m.group(2) + "-labels-idx1-ubyte";
                CorpusListing.Entry labels = listing.files().stream()
                        .filter(e -> e.relative().equals(labelsName) || e.relative().equals(labelsName + ".gz"))
                        .findFirst().orElse(null);
                if (labels == null) {
                    problems.add(new MalformedInputException(f.path(), 0, "no labels file " + labelsName
                            + "[.gz] beside it; expected one labels file per images file"));
                    continue;
                }
                used.add(labels.relative());
                int count;
                try {
                    count = imageCount(f, listing);
                } catch (MalformedInputException e) {
                    problems.add(e);
                    continue;
                }
                long fileBytes = f.bytes() + labels.bytes();
                for (int first = 0; first < count; first += imagesPerTask) {
                    int n = Math.min(imagesPerTask, count - first);
                    units.add(new ImageUnit(split, f.path(), labels.path(), f.relative(), first, n, fileBytes * n / count));
                }
            }
        }
        if (units.isEmpty() && problems.isEmpty())
            throw new IOException("no IDX images files (train-images-idx3-ubyte[.gz], t10k-...) found");
        List<String> ignored = listing.files().stream().map(CorpusListing.Entry::relative).filter(r -> !used.contains(r)).toList();
        return new PlannedInputs<>(units, problems, ignored);
    }

    /** The image count from the header; decompresses only the first 8 bytes of a gzip file. */
    private static int imageCount(CorpusListing.Entry f, CorpusListing listing) throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = gunzipIfNeeded(new java.io.BufferedInputStream(listing.open(f)))) {
            int got = in.readNBytes(head, 0, 8);
            if (got < 8)
                throw new MalformedInputException(f.path(), got, "file ends inside the IDX header; expected 8 bytes (magic, count)");
            if (head[0] != 0 || head[1] != 0 || head[2] != 8 || head[3] != 3)
                throw new MalformedInputException(f.path(), 0, String.format("magic %02x %02x %02x %02x; expected 00 00 08 03 "
                        + "(unsigned-byte images with 3 dimensions)", head[0], head[1], head[2], head[3]));
        }
        return ((head[4] & 0xFF) << 24) | ((head[5] & 0xFF) << 16) | ((head[6] & 0xFF) << 8) | (head[7] & 0xFF);
    }

    private static InputStream gunzipIfNeeded(java.io.BufferedInputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in) : in;
    }

    @Override
    public LabeledBlock decode(ImageUnit unit, byte[] images, byte[] labels) throws IOException {
        IdxImages all = IdxReader.readImages(unit.images(), new ByteArrayInputStream(images));
        int[] labs = IdxReader.readLabels(unit.labels(), new ByteArrayInputStream(labels));
        if (labs.length != all.count())
            throw new MalformedInputException(unit.labels(), 4, "label count " + labs.length + " does not match the image count "
                    + all.count() + " of " + unit.images() + "; expected one label per image");
        int size = all.rows() * all.cols();
        byte[] px = Arrays.copyOfRange(all.pixels(), unit.first() * size, (unit.first() + unit.count()) * size);
        return new LabeledBlock(unit.count(), 1, all.rows(), all.cols(), px,
                Arrays.copyOfRange(labs, unit.first(), unit.first() + unit.count()));
    }
}
