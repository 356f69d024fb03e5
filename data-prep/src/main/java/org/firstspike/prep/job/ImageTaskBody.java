package org.firstspike.prep.job;

import java.io.IOException;
import java.util.function.Consumer;
import org.firstspike.prep.image.ImageCoding;
import org.firstspike.prep.image.ImageCorpus;
import org.firstspike.prep.image.ImageUnit;
import org.firstspike.prep.image.LabeledBlock;
import org.firstspike.prep.tensor.DType;
import org.firstspike.prep.tensor.SampleRecord;

/** A prep-images task's work on one block: read the files, decode, keep the block's images, encode them. */
final class ImageTaskBody implements TaskBody<ImageUnit> {
    private final ImageCorpus corpus;
    private final ImageCoding coding;

    ImageTaskBody(ImageCorpus corpus, ImageCoding coding) {
        this.corpus = corpus;
        this.coding = coding;
    }

    @Override
    public SourceReport newReport(ImageUnit unit) {
        return new SourceReport(unit.split(), unit.images(), unit.first());
    }

    @Override public long bytes(ImageUnit unit) { return unit.bytes(); }

    @Override public String split(ImageUnit unit) { return unit.split(); }

    @Override
    public void process(ImageUnit unit, SourceReport report, Consumer<SampleRecord> out) throws IOException {
        InputFiles in = InputFiles.read(unit.images(), unit.labels(), report);
        long t0 = System.nanoTime();
        LabeledBlock b = corpus.decode(unit, in.content(), in.companion());
        long t1 = System.nanoTime();
        report.decodeNanos += t1 - t0;
        int size = b.imageSize();
        int[] shape = {1, b.channels(), b.height(), b.width()};
        for (int i = 0; i < b.count(); i++) {
            int index = unit.first() + i;
            out.accept(new SampleRecord(unit.relative() + "#" + index, unit.images(), index, b.labels()[i], unit.split(),
                    shape, coding.name(), coding.timeSteps(), DType.U1.numpy(), coding.encode(b.pixels(), i * size, size), 0));
            report.countSample(b.labels()[i]);
        }
        report.recordsRead = b.count();
        report.encodeNanos += System.nanoTime() - t1;
    }
}
