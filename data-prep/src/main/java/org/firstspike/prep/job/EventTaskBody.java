package org.firstspike.prep.job;

import java.io.IOException;
import java.util.function.Consumer;
import org.firstspike.prep.frame.Frames;
import org.firstspike.prep.layout.DecodedUnit;
import org.firstspike.prep.layout.EventLayout;
import org.firstspike.prep.layout.EventSample;
import org.firstspike.prep.layout.InputUnit;
import org.firstspike.prep.recipe.BadInputPolicy;
import org.firstspike.prep.recipe.Rejection;
import org.firstspike.prep.tensor.DType;
import org.firstspike.prep.tensor.SampleRecord;
import org.firstspike.prep.tensor.TensorBytes;
import org.firstspike.prep.transform.EventPipeline;

/** A prep-events task's work on one recording: read, decode into samples, run the pipeline, pack the frames. */
final class EventTaskBody implements TaskBody<InputUnit, DecodedUnit> {
    private final EventLayout layout;
    private final EventPipeline pipeline;
    private final BadInputPolicy policy;

    EventTaskBody(EventLayout layout, EventPipeline pipeline, BadInputPolicy policy) {
        this.layout = layout;
        this.pipeline = pipeline;
        this.policy = policy;
    }

    @Override
    public SourceReport newReport(InputUnit unit) {
        return new SourceReport(unit.split(), unit.path(), 0);
    }

    @Override public long bytes(InputUnit unit) { return unit.bytes(); }

    @Override public String split(InputUnit unit) { return unit.split(); }

    @Override public String path(InputUnit unit) { return unit.path(); }

    @Override public String companion(InputUnit unit) { return unit.companion(); }

    @Override
    public DecodedUnit decode(InputUnit unit, InputFiles files, SourceReport report) throws IOException {
        DecodedUnit decoded = layout.decode(unit, files.content(), files.companion());
        for (DecodedUnit.SegmentProblem p : decoded.segmentProblems()) {
            if (policy == BadInputPolicy.FAIL) throw p.error();
            report.rejections.add(new Rejection(unit.split(), p.error().source(), p.error().offset(),
                    "segment " + p.row() + " of " + unit.relative(), p.error().getMessage()));
        }
        report.recordsRead = decoded.recordsRead();
        report.recordsDropped = decoded.recordsDropped();
        return decoded;
    }

    @Override
    public void emit(InputUnit unit, DecodedUnit decoded, SourceReport report, Consumer<SampleRecord> out) {
        for (EventSample s : decoded.samples()) {
            EventPipeline.Result r = pipeline.apply(s.events(), s.t0(), layout.sensor());
            Frames f = r.frames();
            DType type = DType.smallestFor(f.max());
            out.accept(new SampleRecord(unit.relative() + "#" + s.index(), unit.path(), s.index(), s.label(), unit.split(),
                    f.shape(), "frames", f.frames(), type.numpy(), TensorBytes.encode(f.counts(), type), r.eventsBinned()));
            report.countSample(s.label());
            report.eventsInSamples += r.eventsIn();
            report.eventsKept += r.eventsKept();
            report.eventsBinned += r.eventsBinned();
        }
    }
}
