package org.firstspike.prep.layout;

import java.util.List;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.event.SensorSize;
import org.firstspike.prep.io.DecodedEvents;
import org.firstspike.prep.io.NmnistReader;

/**
 * N-MNIST: {@code Train/<digit>/<id>.bin} and {@code Test/<digit>/<id>.bin}, one 34x34 ATIS recording per file,
 * the label from the folder name (formats-and-anchors §3.2).
 */
public final class NmnistLayout extends OneRecordingPerFile {
    private static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Override public String name() { return "nmnist"; }

    @Override public SensorSize sensor() { return SensorSize.ATIS_NMNIST; }

    @Override public List<String> classes() { return CLASSES; }

    @Override String extension() { return ".bin"; }

    @Override
    InputUnit unitFor(CorpusListing.Entry f) throws MalformedInputException {
        String[] parts = f.relative().split("/");
        String split = parts.length == 3 ? splitOf(parts[0]) : null;
        int label = parts.length == 3 ? CLASSES.indexOf(parts[1]) : -1;
        if (split == null || label < 0)
            throw new MalformedInputException(f.path(), 0, "recording at '" + f.relative()
                    + "'; expected Train/<digit 0-9>/<name>.bin or Test/<digit 0-9>/<name>.bin");
        return new InputUnit(split, f.path(), f.relative(), label, null, f.bytes());
    }

    private static String splitOf(String folder) {
        return switch (folder.toLowerCase()) {
            case "train" -> "train";
            case "test" -> "test";
            default -> null;
        };
    }

    @Override
    DecodedEvents read(InputUnit unit, byte[] content) throws MalformedInputException {
        return NmnistReader.read(unit.path(), content, sensor());
    }
}
