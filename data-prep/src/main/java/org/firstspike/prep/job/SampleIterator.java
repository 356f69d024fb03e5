package org.firstspike.prep.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.util.CollectionAccumulator;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.recipe.BadInputPolicy;
import org.firstspike.prep.recipe.Rejection;
import org.firstspike.prep.tensor.SampleRecord;

/**
 * The samples of a task's inputs, produced one input at a time so a task holds one input's samples, not its whole
 * block. An input's samples are released only after it decoded completely, so a rejected input contributes nothing.
 */
final class SampleIterator<U, D> implements Iterator<SampleRecord> {
    private final Iterator<U> units;
    private final TaskBody<U, D> body;
    private final BadInputPolicy policy;
    private final CollectionAccumulator<SourceReport> reports;
    private final ArrayDeque<SampleRecord> ready = new ArrayDeque<>();

    SampleIterator(List<U> units, TaskBody<U, D> body, BadInputPolicy policy, CollectionAccumulator<SourceReport> reports) {
        this.units = units.iterator();
        this.body = body;
        this.policy = policy;
        this.reports = reports;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && units.hasNext()) processNext();
        return !ready.isEmpty();
    }

    @Override
    public SampleRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        return ready.poll();
    }

    private void processNext() {
        U unit = units.next();
        SourceReport report = body.newReport(unit);
        ArrayDeque<SampleRecord> samples = new ArrayDeque<>();
        try {
            InputFiles files = InputFiles.read(body.path(unit), body.companion(unit), report);
            long t0 = System.nanoTime();
            D decoded = body.decode(unit, files, report);
            long t1 = System.nanoTime();
            body.emit(unit, decoded, report, samples::add);
            report.decodeNanos += t1 - t0;
            report.encodeNanos += System.nanoTime() - t1;
        } catch (MalformedInputException e) {
            if (policy == BadInputPolicy.FAIL) throw new UncheckedIOException(e);
            SourceReport rejected = body.newReport(unit);
            rejected.bytes = report.bytes;
            rejected.sha256 = report.sha256;
            rejected.rejected = true;
            rejected.rejections.add(new Rejection(report.split, e.source(), e.offset(), "file", e.getMessage()));
            reports.add(rejected);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(report.source + ": " + e.getMessage(), e);
        }
        reports.add(report);
        ready.addAll(samples);
    }
}
