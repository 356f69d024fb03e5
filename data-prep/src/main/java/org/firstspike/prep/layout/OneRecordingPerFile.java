package org.firstspike.prep.layout;

import java.util.ArrayList;
import java.util.List;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.io.DecodedEvents;

/**
 * Corpora where each file is one labelled recording whose split and label follow from its path (N-MNIST,
 * CIFAR10-DVS): files with the recording extension are placed by {@link #unitFor}, others are ignored.
 */
abstract class OneRecordingPerFile implements EventLayout {

    /** File name ending of a recording, e.g. ".bin". */
    abstract String extension();

    /** The split and label of a recording, or a problem naming the expected layout. */
    abstract InputUnit unitFor(CorpusListing.Entry file) throws MalformedInputException;

    abstract DecodedEvents read(InputUnit unit, byte[] content) throws MalformedInputException;

    @Override
    public final PlannedInputs<InputUnit> plan(CorpusListing listing) {
        List<InputUnit> units = new ArrayList<>();
        List<MalformedInputException> problems = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (CorpusListing.Entry f : listing.files()) {
            if (!f.relative().endsWith(extension())) {
                ignored.add(f.relative());
                continue;
            }
            try {
                units.add(unitFor(f));
            } catch (MalformedInputException e) {
                problems.add(e);
            }
        }
        return new PlannedInputs<>(units, problems, ignored);
    }

    @Override
    public final DecodedUnit decode(InputUnit unit, byte[] content, byte[] companion) throws MalformedInputException {
        DecodedEvents d = read(unit, content);
        long t0 = d.events().size() > 0 ? d.events().t(0) : 0;
        return new DecodedUnit(List.of(new EventSample(0, unit.label(), d.events(), t0)), d.recordsRead(),
                d.recordsDropped(), List.of());
    }
}
