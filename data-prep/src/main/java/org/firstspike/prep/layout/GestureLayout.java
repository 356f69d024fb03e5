package org.firstspike.prep.layout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.GestureClass;
import org.firstspike.prep.event.SensorSize;
import org.firstspike.prep.io.Aedat31Reader;
import org.firstspike.prep.io.DecodedEvents;
import org.firstspike.prep.io.GestureLabels;
import org.firstspike.prep.io.GestureLabelRow;
import org.firstspike.prep.io.GestureTrials;

/**
 * DVS128 Gesture: {@code userNN_<lighting>.aedat} (AEDAT 3.1) with {@code userNN_<lighting>_labels.csv}; the splits
 * are the trials listed in {@code trials_to_train.txt} and {@code trials_to_test.txt} (formats-and-anchors §3.1).
 * A sample is one label row: the events with start <= t < end, label = class - 1, as SpikingJelly cuts them.
 */
public final class GestureLayout implements EventLayout {
    private static final List<String> CLASSES = Arrays.stream(GestureClass.values()).map(GestureClass::actionName).toList();
    private static final Map<String, String> TRIAL_LISTS = Map.of("train", "trials_to_train.txt", "test", "trials_to_test.txt");

    @Override public String name() { return "dvs128-gesture"; }

    @Override public SensorSize sensor() { return SensorSize.DVS128; }

    @Override public List<String> classes() { return CLASSES; }

    @Override
    public PlannedInputs<InputUnit> plan(CorpusListing listing) throws IOException {
        Map<String, CorpusListing.Entry> byName = new HashMap<>();
        for (CorpusListing.Entry f : listing.files()) byName.put(f.relative(), f);
        List<InputUnit> units = new ArrayList<>();
        List<MalformedInputException> problems = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String split : List.of("train", "test")) {
            CorpusListing.Entry list = findList(listing, TRIAL_LISTS.get(split));
            used.add(list.relative());
            String dir = list.relative().contains("/") ? list.relative().substring(0, list.relative().lastIndexOf('/') + 1) : "";
            for (String trial : GestureTrials.parse(list.path(), readAll(listing, list))) {
                CorpusListing.Entry rec = byName.get(dir + trial);
                CorpusListing.Entry labels = byName.get(dir + trial.substring(0, trial.length() - ".aedat".length()) + "_labels.csv");
                if (rec == null || labels == null) {
                    problems.add(new MalformedInputException(list.path(), 0, "trial '" + trial + "' is listed but "
                            + (rec == null ? "its recording " + dir + trial : "its labels file") + " is missing; expected "
                            + "the .aedat file and its _labels.csv beside the trial list"));
                    continue;
                }
                used.add(rec.relative());
                used.add(labels.relative());
                units.add(new InputUnit(split, rec.path(), rec.relative(), -1, labels.path(), rec.bytes() + labels.bytes()));
            }
        }
        List<String> ignored = listing.files().stream().map(CorpusListing.Entry::relative).filter(r -> !used.contains(r)).toList();
        return new PlannedInputs<>(units, problems, ignored);
    }

    private static byte[] readAll(CorpusListing listing, CorpusListing.Entry f) throws IOException {
        try (java.io.InputStream in = listing.open(f)) {
            return in.readAllBytes();
        }
    }

    private static CorpusListing.Entry findList(CorpusListing listing, String name) throws IOException {
        List<CorpusListing.Entry> found = listing.files().stream()
                .filter(f -> f.relative().equals(name) || f.relative().endsWith("/" + name)).toList();
        if (found.size() != 1)
            throw new IOException("DVS128 Gesture corpus: expected exactly one " + name + " below the input folder, found "
                    + found.stream().map(CorpusListing.Entry::relative).toList());
        return found.get(0);
    }

    @Override
    public DecodedUnit decode(InputUnit unit, byte[] content, byte[] companion) throws MalformedInputException {
        List<GestureLabelRow> segments = GestureLabels.parse(unit.companion(), companion);
        DecodedEvents d = Aedat31Reader.read(unit.path(), content, sensor());
        Events ev = d.events();
        List<EventSample> samples = new ArrayList<>();
        List<DecodedUnit.SegmentProblem> problems = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            GestureLabelRow s = segments.get(i);
            try {
                GestureLabels.checkWithin(unit.companion(), List.of(s), ev);
            } catch (MalformedInputException e) {
                problems.add(new DecodedUnit.SegmentProblem(i + 1, e));
                continue;
            }
            long start = s.segment().startUs();
            samples.add(new EventSample(i, s.label(), ev.slice(ev.lowerBound(start), ev.lowerBound(s.segment().endUs())), start));
        }
        return new DecodedUnit(samples, d.recordsRead(), d.recordsDropped(), problems);
    }
}
