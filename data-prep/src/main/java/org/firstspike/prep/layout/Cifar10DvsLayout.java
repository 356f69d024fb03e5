package org.firstspike.prep.layout;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.event.SensorSize;
import org.firstspike.prep.io.Aedat20Reader;
import org.firstspike.prep.io.CifarVariant;
import org.firstspike.prep.io.DecodedEvents;
import org.firstspike.prep.io.DvsAddressConvention;

/**
 * CIFAR10-DVS: {@code <class>/cifar10_<class>_<i>.aedat}, AEDAT 2.0 from a DVS128 (formats-and-anchors §3.3).
 * The corpus has no official split; recordings {@code i < testPerClass} of every class form the test split (with
 * the default 100 of 1,000 that is a 9:1 split by index, reproducible without a seed). Addresses are mapped with
 * the chosen {@link DvsAddressConvention} (SpikingJelly's by default).
 */
public final class Cifar10DvsLayout extends OneRecordingPerFile {
    private static final List<String> CLASSES = CifarVariant.CIFAR10.classNames();
    private static final Pattern NAME = Pattern.compile("cifar10_([a-z]+)_(\\d{1,9})\\.aedat");

    private final DvsAddressConvention convention;
    private final int testPerClass;

    public Cifar10DvsLayout(DvsAddressConvention convention, int testPerClass) {
        if (testPerClass < 0) throw new IllegalArgumentException("test-per-class " + testPerClass + ": expected >= 0");
        this.convention = convention;
        this.testPerClass = testPerClass;
    }

    @Override public String name() { return "cifar10-dvs"; }

    public DvsAddressConvention convention() { return convention; }

    public int testPerClass() { return testPerClass; }

    @Override public SensorSize sensor() { return SensorSize.DVS128; }

    @Override public List<String> classes() { return CLASSES; }

    @Override String extension() { return ".aedat"; }

    @Override
    InputUnit unitFor(CorpusListing.Entry f) throws MalformedInputException {
        String[] parts = f.relative().split("/");
        Matcher m = NAME.matcher(parts[parts.length - 1]);
        int label = parts.length >= 2 ? CLASSES.indexOf(parts[parts.length - 2]) : -1;
        if (label < 0 || !m.matches() || !m.group(1).equals(CLASSES.get(label)))
            throw new MalformedInputException(f.path(), 0, "recording at '" + f.relative()
                    + "'; expected <class>/cifar10_<class>_<index>.aedat with class one of " + CLASSES);
        String split = Integer.parseInt(m.group(2)) < testPerClass ? "test" : "train";
        return new InputUnit(split, f.path(), f.relative(), label, null, f.bytes());
    }

    @Override
    DecodedEvents read(InputUnit unit, byte[] content) throws MalformedInputException {
        return Aedat20Reader.read(unit.path(), content, convention);
    }
}
