package org.firstspike.prep.io;

import org.firstspike.core.io.MalformedInputException;

/**
 * Reads the binary version of CIFAR-10 ({@code data_batch_N.bin}, {@code test_batch.bin}) and CIFAR-100
 * ({@code train.bin}, {@code test.bin}): fixed-size records of label byte(s) and 3072 pixel bytes, no
 * header ({@link CifarVariant}). Strict: the file must be a non-empty whole number of records, and
 * every label byte must be in its class range, since a wrong variant or a cut download otherwise
 * decodes into plausible-looking garbage.
 */
public final class CifarBinaryReader {

    private CifarBinaryReader() {
    }

    /**
     * Decodes every record of a CIFAR binary file.
     *
     * @param source  name of the file for messages (local path or filesystem URI)
     * @param content the whole file
     * @param variant the record layout, and for CIFAR-100 which label to return
     * @throws MalformedInputException if the content is not a well-formed file of that variant
     */
    public static ImageBatch read(String source, byte[] content, CifarVariant variant) throws MalformedInputException {
        int record = variant.recordLength();
        String layout = record + "-byte " + variant.dataset() + " records (" + variant.labelBytes() + " label byte"
                + (variant.labelBytes() == 1 ? "" : "s") + " + " + CifarVariant.PIXELS + " pixel bytes)";
        if (content.length == 0) {
            throw new MalformedInputException(source, 0, "empty file; expected " + layout);
        }
        int partial = content.length % record;
        if (partial != 0) {
            throw new MalformedInputException(source, content.length - partial, "trailing partial record: " + partial
                    + " bytes left, expected " + layout + otherVariantHint(content.length));
        }
        int count = content.length / record;
        int labelBytes = variant.labelBytes();
        byte[] pixels = new byte[count * CifarVariant.PIXELS];
        int[] labels = new int[count];
        for (int i = 0, at = 0; i < count; i++, at += record) {
            for (int k = 0; k < labelBytes; k++) {
                int label = content[at + k] & 0xFF;
                if (label >= variant.classes(k)) {
                    throw new MalformedInputException(source, at + k, "record " + i + ": " + variant.labelName(k) + " "
                            + label + "; expected 0.." + (variant.classes(k) - 1));
                }
            }
            labels[i] = content[at + variant.returnedLabel()] & 0xFF;
            System.arraycopy(content, at + labelBytes, pixels, i * CifarVariant.PIXELS, CifarVariant.PIXELS);
        }
        return new ImageBatch(count, CifarVariant.CHANNELS, CifarVariant.SIDE, CifarVariant.SIDE, pixels, labels);
    }

    /** Names the other dataset when the length fits its records, the likely cause of a partial record. */
    private static String otherVariantHint(int length) {
        for (CifarVariant other : CifarVariant.values()) {
            if (length % other.recordLength() == 0) {
                return " (the length is a whole number of " + other.dataset() + " records: wrong variant?)";
            }
        }
        return "";
    }
}
