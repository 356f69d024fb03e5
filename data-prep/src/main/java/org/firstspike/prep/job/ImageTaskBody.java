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
final class ImageTaskBody implements TaskBody<ImageUnit, LabeledBlock> {
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

    @Override public String path(ImageUnit unit) { return unit.images(); }

    @Override public String companion(ImageUnit unit) { return unit.labels(); }

    @Override
    public LabeledBlock decode(ImageUnit unit, InputFiles files, SourceReport report) throws IOException {
        LabeledBlock b = corpus.decode(unit, files.content(), files.companion());
        report.recordsRead = b.count();
        return b;
    }

    @Override
    public void emit(ImageUnit unit, LabeledBlock b, SourceReport report, Consumer<SampleRecord> out) {
        int size = b.imageSize();
        int[] shape = {1, b.channels(), b.height(), b.width()};
        for (int i = 0; i < b.count(); i++) {
            int index = unit.first() + i;
            out.accept(new SampleRecord(unit.relative() + "#" + index, unit.images(), index, b.labels()[i], unit.split(),
                    shape, coding.name(), coding.timeSteps(), DType.U1.numpy(), coding.encode(b.pixels(), i * size, size), 0));
            report.countSample(b.labels()[i]);
        }
    }
}
