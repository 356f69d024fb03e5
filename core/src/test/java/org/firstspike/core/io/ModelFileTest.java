package org.firstspike.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests the model container: exact round trips, the documented byte layout, and every rejection path. */
class ModelFileTest {

    /** Crafted headers are padded to this length so their data region starts at byte 512. */
    private static final int CRAFTED_HEADER = 500;
    private static final int CRAFTED_DATA_START = 512;

    @TempDir
    Path dir;

    // ---- helpers ----

    private static float[] randomFloats(int n, long seed) {
        Random r = new Random(seed);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) r.nextGaussian();
        }
        return f;
    }

    private static ModelContents sampleContents() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("layers", "784,340,10");
        config.put("tau", "1.0");
        config.put("neuron", "ttfs-if");
        config.put("name with spaces & ünïcödé ✓", "quote \" backslash \\ newline \n");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("trained_on", "fashion-mnist");
        metadata.put("accuracy", "0.9012");
        metadata.put("", "empty key is allowed");
        List<NamedTensor> tensors = List.of(
                new NamedTensor("layer0.weight", new int[] {340, 784}, randomFloats(340 * 784, 1)),
                new NamedTensor("layer0.bias", new int[] {340}, randomFloats(340, 2)),
                new NamedTensor("threshold", new int[] {}, new float[] {0.75f}),
                new NamedTensor("unused", new int[] {0}, new float[0]),
                new NamedTensor("empty-matrix", new int[] {4, 0}, new float[0]),
                new NamedTensor("layer1.weight", new int[] {10, 340}, randomFloats(3400, 3)));
        return new ModelContents(config, metadata, tensors);
    }

    private static void assertBitIdentical(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            int e = Float.floatToRawIntBits(expected[i]);
            int a = Float.floatToRawIntBits(actual[i]);
            assertEquals(e, a, "element " + i + ": expected bits 0x" + Integer.toHexString(e) + " got 0x"
                    + Integer.toHexString(a));
        }
    }

    private static long align(long p) {
        return (p + 63) / 64 * 64;
    }

    private static byte[] withCrc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(body.length + 8).order(ByteOrder.LITTLE_ENDIAN).put(body).putLong(crc.getValue())
                .array();
    }

    /** Recomputes the trailing checksum after a test has edited the bytes, so only the edit is wrong. */
    private static byte[] resealed(byte[] file) {
        return withCrc(Arrays.copyOf(file, file.length - 8));
    }

    /**
     * A hand-made file: header JSON padded with spaces to 500 bytes (data region at byte 512),
     * then {@code data}, then a correct checksum.
     */
    private static byte[] craft(String json, byte[] data) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        assertTrue(header.length <= CRAFTED_HEADER, "test header too long");
        ByteBuffer b = ByteBuffer.allocate(CRAFTED_DATA_START + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("FSPKMDL1".getBytes(StandardCharsets.US_ASCII)).putInt(CRAFTED_HEADER).put(header);
        for (int i = header.length; i < CRAFTED_HEADER; i++) {
            b.put((byte) ' ');
        }
        b.position(CRAFTED_DATA_START);
        b.put(data);
        return withCrc(b.array());
    }

    private static String header(String tensors) {
        return "{\"format\":\"firstspike-model\",\"version\":1,\"config\":{},\"metadata\":{},\"tensors\":["
                + tensors + "]}";
    }

    private static String tensor(String name, String shape, long offset, long length) {
        return "{\"name\":\"" + name + "\",\"shape\":" + shape + ",\"dtype\":\"float32\",\"offset\":" + offset
                + ",\"length\":" + length + "}";
    }

    private Path put(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** Asserts that reading fails with a MalformedInputException naming the file, the offset and each fragment. */
    private static MalformedInputException assertMalformed(Path file, long offset, String... fragments) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> ModelFile.read(file));
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().startsWith(file + ": at byte " + offset + ": "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "expected \"" + f + "\" in: " + e.getMessage());
        }
        return e;
    }

    /** Like {@link #assertMalformed} for errors whose exact offset is up to the JSON parser. */
    private static MalformedInputException assertMalformedWithin(Path file, long min, long max, String... fragments) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> ModelFile.read(file));
        assertTrue(e.offset() >= min && e.offset() <= max, e.getMessage());
        return assertMalformed(file, e.offset(), fragments);
    }

    private byte[] validFile() throws IOException {
        Path p = dir.resolve("valid.fspk");
        ModelFile.write(p, sampleContents());
        return Files.readAllBytes(p);
    }

    // ---- round trips ----

    @Test
    void roundTripPreservesContentsAndOrder() throws IOException {
        ModelContents original = sampleContents();
        Path p = dir.resolve("model.fspk");
        ModelFile.write(p, original);

        ModelContents read = ModelFile.read(p);

        assertEquals(original, read);
        assertEquals(new ArrayList<>(original.config().keySet()), new ArrayList<>(read.config().keySet()));
        assertEquals(new ArrayList<>(original.metadata().keySet()), new ArrayList<>(read.metadata().keySet()));
        for (int i = 0; i < original.tensors().size(); i++) {
            NamedTensor o = original.tensors().get(i);
            NamedTensor r = read.tensors().get(i);
            assertEquals(o.name(), r.name());
            assertArrayEquals(o.shape(), r.shape());
            assertBitIdentical(o.data(), r.data());
        }
        assertEquals(0, read.tensors().get(2).shape().length, "scalar keeps its empty shape");
    }

    @Test
    void specialFloatValuesAreBitIdentical() throws IOException {
        float[] special = {
            Float.NaN, -0.0f, 0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.intBitsToFloat(0x007fffff),
            Float.intBitsToFloat(0x00000123), Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f / 3f, -1.5e-40f,
        };
        Path p = dir.resolve("special.fspk");
        ModelFile.write(p, new ModelContents(Map.of(), Map.of(),
                List.of(new NamedTensor("special", new int[] {special.length}, special))));
        assertBitIdentical(special, ModelFile.read(p).tensors().get(0).data());
    }

    @Test
    void tensorSpanningSeveralTransferChunksRoundTrips() throws IOException {
        // 1 MiB transfer chunks hold 262144 floats; this needs three and a partial one.
        float[] big = randomFloats(3 * 262144 + 17, 9);
        Path p = dir.resolve("big.fspk");
        ModelFile.write(p, new ModelContents(Map.of(), Map.of(),
                List.of(new NamedTensor("big", new int[] {big.length}, big))));
        assertBitIdentical(big, ModelFile.read(p).tensors().get(0).data());
    }

    @Test
    void emptyModelRoundTrips() throws IOException {
        Path p = dir.resolve("empty.fspk");
        ModelContents empty = new ModelContents(Map.of(), Map.of(), List.of());
        ModelFile.write(p, empty);
        assertEquals(empty, ModelFile.read(p));
    }

    @Test
    void writesAreDeterministic() throws IOException {
        Path a = dir.resolve("a.fspk");
        Path b = dir.resolve("b.fspk");
        ModelFile.write(a, sampleContents());
        byte[] first = Files.readAllBytes(a);
        ModelFile.write(b, sampleContents());
        ModelFile.write(a, sampleContents());
        assertArrayEquals(first, Files.readAllBytes(b));
        assertArrayEquals(first, Files.readAllBytes(a));
    }

    @Test
    void bytesFollowTheDocumentedLayout() throws IOException {
        byte[] file = validFile();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("FSPKMDL1", new String(file, 0, 8, StandardCharsets.US_ASCII));
        int h = b.getInt(8);
        JsonNode header = new ObjectMapper().readTree(new String(file, 12, h, StandardCharsets.UTF_8));
        assertEquals("firstspike-model", header.get("format").textValue());
        assertEquals(1, header.get("version").intValue());
        long dataStart = align(12 + h);
        for (int i = 12 + h; i < dataStart; i++) {
            assertEquals(0, file[i], "header padding byte " + i);
        }
        ModelContents contents = sampleContents();
        long expectedOffset = dataStart;
        long end = dataStart;
        for (int i = 0; i < contents.tensors().size(); i++) {
            JsonNode t = header.get("tensors").get(i);
            NamedTensor nt = contents.tensors().get(i);
            assertEquals(nt.name(), t.get("name").textValue());
            assertEquals("float32", t.get("dtype").textValue());
            long offset = t.get("offset").longValue();
            assertEquals(align(expectedOffset), offset, "tensors are packed at 64-byte boundaries");
            assertEquals(nt.data().length, t.get("length").longValue());
            for (int k = 0; k < nt.data().length; k += 997) {
                assertEquals(Float.floatToRawIntBits(nt.data()[k]), b.getInt((int) offset + 4 * k));
            }
            expectedOffset = offset + 4L * nt.data().length;
            end = expectedOffset;
        }
        assertEquals(end + 8, file.length, "checksum follows the last tensor");
        CRC32 crc = new CRC32();
        crc.update(file, 0, file.length - 8);
        assertEquals(crc.getValue(), b.getLong(file.length - 8));
    }

    @Test
    void overwriteIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        Path p = dir.resolve("model.fspk");
        ModelFile.write(p, sampleContents());
        ModelContents second = new ModelContents(Map.of("k", "v"), Map.of(), List.of());
        ModelFile.write(p, second);
        assertEquals(second, ModelFile.read(p));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList());
        }
    }

    @Test
    void failedWriteLeavesNoTemporaryFile() throws IOException {
        // A non-empty directory in the way makes the final rename fail after the data is written.
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("child"));
        assertThrows(IOException.class, () -> ModelFile.write(blocked, sampleContents()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(blocked), files.toList());
        }
    }

    // ---- value classes ----

    @Test
    void tensorDataMustMatchShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NamedTensor("w", new int[] {2, 3}, new float[5]));
        assertTrue(e.getMessage().contains("\"w\"") && e.getMessage().contains("5 elements")
                && e.getMessage().contains("expected 6") && e.getMessage().contains("[2, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NamedTensor("w", new int[] {-1}, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> new NamedTensor("", new int[] {}, new float[1]));
        assertThrows(IllegalArgumentException.class,
                () -> new NamedTensor("w", new int[] {65536, 65536}, new float[0]));
        assertEquals(0, new NamedTensor("w", new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 0}, new float[0])
                .data().length);
    }

    @Test
    void tensorEqualityIsDeepAndShapeIsProtected() {
        int[] shape = {2};
        NamedTensor a = new NamedTensor("w", shape, new float[] {1f, Float.NaN});
        NamedTensor b = new NamedTensor("w", new int[] {2}, new float[] {1f, Float.NaN});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(new NamedTensor("z", new int[] {1}, new float[] {0f}),
                new NamedTensor("z", new int[] {1}, new float[] {-0f}));
        shape[0] = 7;
        a.shape()[0] = 9;
        assertArrayEquals(new int[] {2}, a.shape());
    }

    @Test
    void contentsRejectDuplicateNamesAndNulls() {
        NamedTensor w = new NamedTensor("w", new int[] {}, new float[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelContents(Map.of(), Map.of(), List.of(w, w)));
        assertTrue(e.getMessage().contains("tensors[1]") && e.getMessage().contains("tensors[0]"), e.getMessage());
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("k", null);
        e = assertThrows(IllegalArgumentException.class, () -> new ModelContents(withNull, Map.of(), List.of()));
        assertTrue(e.getMessage().startsWith("config entry k=null"), e.getMessage());
    }

    // ---- rejected files ----

    @Test
    void fileShorterThanMinimum() throws IOException {
        assertMalformed(put("zero", new byte[0]), 0, "file is only 0 bytes", "expected at least 72");
        assertMalformed(put("five", "FSPKM".getBytes(StandardCharsets.US_ASCII)), 5, "file is only 5 bytes");
        byte[] magicOnly = Arrays.copyOf("FSPKMDL1".getBytes(StandardCharsets.US_ASCII), 40);
        assertMalformed(put("forty", magicOnly), 40, "file is only 40 bytes", "expected at least 72");
    }

    @Test
    void wrongMagic() throws IOException {
        byte[] file = validFile();
        file[7] = '2';
        assertMalformed(put("v2", file), 0, "found magic \"FSPKMDL2\"", "expected \"FSPKMDL1\"");
        byte[] png = new byte[100];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        assertMalformed(put("png", png), 0, "(bytes 89 50 00", "expected \"FSPKMDL1\"");
    }

    @Test
    void headerLengthPastEndOfFile() throws IOException {
        byte[] file = validFile();
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0x7fff0000);
        assertMalformed(put("long-header", resealed(file)), 8, "header length 2147418112",
                "extends past the end of the file", "checksum starts at byte " + (file.length - 8));
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(8, -1);
        assertMalformed(put("uint32-header", resealed(file)), 8, "header length 4294967295");
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0);
        assertMalformed(put("zero-header", resealed(file)), 8, "header length is 0");
    }

    @Test
    void headerNotValidJson() throws IOException {
        // Jackson reports where it gave up, at or just after the offending token, so allow that range.
        MalformedInputException e = assertMalformedWithin(put("bad-json", craft("{\"format\": oops}", new byte[0])),
                12 + 11, 12 + 16, "header is not valid JSON", "oops");
        assertFalse(e.getMessage().contains("\tat "), "no stack trace in the message");
        assertFalse(e.getMessage().contains("[Source"), "no Jackson source description");
        assertMalformed(put("array", craft("[1, 2]", new byte[0])), 12,
                "header is a JSON array", "expected a JSON object");
        assertMalformed(put("blank", craft("", new byte[0])), 12, "header is empty");
        assertMalformed(put("trailing", craft(header("") + " {}", new byte[0])), 12 + header("").length() + 1,
                "header has content after the JSON object");
        String duplicate = header("").replace("\"version\":1", "\"version\":1,\"version\":1");
        int second = duplicate.lastIndexOf("\"version\"");
        assertMalformedWithin(put("duplicate", craft(duplicate, new byte[0])), 12 + second, 12 + second + 12,
                "not valid JSON", "Duplicate field 'version'");
        byte[] badUtf8 = craft(header(""), new byte[0]);
        badUtf8[12 + 3] = (byte) 0xFF;
        assertMalformed(put("utf8", resealed(badUtf8)), 15, "header is not valid UTF-8");
    }

    @Test
    void headerMissingOrUnknownFields() throws IOException {
        String noTensors = "{\"format\":\"firstspike-model\",\"version\":1,\"config\":{},\"metadata\":{}}";
        assertMalformed(put("no-tensors", craft(noTensors, new byte[0])), 12, "missing field \"tensors\"");
        String extra = header("").replace("\"config\"", "\"created\":\"now\",\"config\"");
        assertMalformed(put("extra", craft(extra, new byte[0])), 12, "unknown field \"created\"");
        String tensorMissingDtype = header("{\"name\":\"w\",\"shape\":[],\"offset\":512,\"length\":1}");
        assertMalformed(put("no-dtype", craft(tensorMissingDtype, new byte[4])), 12,
                "tensors[0] is missing field \"dtype\"");
        String configNumber = header("").replace("\"config\":{}", "\"config\":{\"lr\":0.1}");
        assertMalformed(put("config-number", craft(configNumber, new byte[0])), 12,
                "config[\"lr\"] is a JSON number", "expected a string");
        String tensorsObject = header("").replace("[]", "{}");
        assertMalformed(put("tensors-object", craft(tensorsObject, new byte[0])), 12,
                "\"tensors\" is a JSON object", "expected an array");
    }

    @Test
    void wrongFormatOrVersion() throws IOException {
        assertMalformed(put("format", craft(header("").replace("firstspike-model", "other"), new byte[0])), 12,
                "field \"format\" is \"other\"", "expected \"firstspike-model\"");
        assertMalformed(put("version", craft(header("").replace("\"version\":1", "\"version\":2"), new byte[0])), 12,
                "field \"version\" is 2", "expected 1");
        assertMalformed(put("version-text", craft(header("").replace("\"version\":1", "\"version\":\"1\""),
                new byte[0])), 12, "field \"version\" is \"1\"");
    }

    @Test
    void tensorOutsideTheDataRegion() throws IOException {
        Path past = put("past", craft(header(tensor("w", "[4]", 512, 4)), new byte[8]));
        assertMalformed(past, 512, "tensors[0] (\"w\") at bytes [512, 528)", "extends past the data region",
                "ends at byte 520", "truncated?");
        Path farAway = put("far", craft(header(tensor("w", "[1]", 1L << 40, 1)), new byte[8]));
        assertMalformed(farAway, 1L << 40, "tensors[0] (\"w\") starts at byte 1099511627776, past the data region");
        long nearMax = Long.MAX_VALUE / 64 * 64;
        Path overflow = put("overflow", craft(header(tensor("w", "[100]", nearMax, 100)), new byte[8]));
        assertMalformed(overflow, nearMax, "starts at byte " + nearMax + ", past the data region");
        Path inHeader = put("in-header", craft(header(tensor("w", "[1]", 64, 1)), new byte[8]));
        assertMalformed(inHeader, 64, "starts inside the header", "expected an offset >= 512");
        Path misaligned = put("misaligned", craft(header(tensor("w", "[1]", 516, 1)), new byte[8]));
        assertMalformed(misaligned, 516, "offset is not a multiple of 64");
        Path negative = put("negative", craft(header(tensor("w", "[1]", -64, 1)), new byte[8]));
        assertMalformed(negative, 12, "tensors[0] (\"w\").offset is -64", "expected an integer >= 0");
    }

    @Test
    void overlappingTensors() throws IOException {
        String tensors = tensor("a", "[32]", 512, 32) + "," + tensor("b", "[4]", 576, 4);
        Path p = put("overlap", craft(header(tensors), new byte[128]));
        assertMalformed(p, 576,
                "tensors[1] (\"b\") at bytes [576, 592) overlaps tensors[0] (\"a\") at bytes [512, 640)");
        // An empty tensor occupies no bytes, so it may sit anywhere in the data region.
        String withEmpty = tensor("a", "[32]", 512, 32) + "," + tensor("e", "[0]", 576, 0);
        assertEquals(2, ModelFile.read(put("empty-inside", craft(header(withEmpty), new byte[128]))).tensors().size());
    }

    @Test
    void shapeMustMatchLength() throws IOException {
        Path p = put("shape", craft(header(tensor("w", "[2,3]", 512, 5)), new byte[24]));
        assertMalformed(p, 12, "tensors[0] (\"w\") has shape [2, 3] with 6 elements but length 5");
        Path neg = put("neg-shape", craft(header(tensor("w", "[-1]", 512, 1)), new byte[4]));
        assertMalformed(neg, 12, "tensors[0] (\"w\").shape[0] is -1");
        Path frac = put("frac-shape", craft(header(tensor("w", "[1.5]", 512, 1)), new byte[4]));
        assertMalformed(frac, 12, "tensors[0] (\"w\").shape[0] is 1.5");
        Path huge = put("huge-shape", craft(header(tensor("w", "[65536,65536]", 512, 4294967296L)), new byte[4]));
        assertMalformed(huge, 12, "with more than 2147483639 elements");
    }

    @Test
    void unsupportedDtype() throws IOException {
        String json = header(tensor("w", "[1]", 512, 1).replace("float32", "float64"));
        assertMalformed(put("dtype", craft(json, new byte[8])), 12,
                "tensors[0] (\"w\") has unsupported dtype \"float64\"", "expected \"float32\"");
    }

    @Test
    void duplicateTensorNames() throws IOException {
        String tensors = tensor("w", "[1]", 512, 1) + "," + tensor("w", "[1]", 576, 1);
        assertMalformed(put("dup", craft(header(tensors), new byte[68])), 12,
                "tensors[1] (\"w\") repeats an earlier tensor name");
    }

    @Test
    void checksumMismatch() throws IOException {
        byte[] file = validFile();
        String expected = "checksum mismatch: file is corrupt or truncated";
        byte[] dataFlip = file.clone();
        dataFlip[file.length / 2] ^= 0x10;
        assertMalformed(put("data-flip", dataFlip), file.length - 8, expected);
        byte[] crcFlip = file.clone();
        crcFlip[file.length - 1] ^= 1;
        assertMalformed(put("crc-flip", crcFlip), file.length - 8, expected);
        byte[] paddingFlip = file.clone();
        int h = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
        paddingFlip[12 + h] = 1;
        assertMalformed(put("padding-flip", paddingFlip), file.length - 8, expected);
        // A valid-looking header edit (same length) is caught by the checksum too.
        byte[] headerEdit = file.clone();
        // ISO-8859-1 maps each byte to one char, so the string index is the byte index.
        int at = new String(file, 12, h, StandardCharsets.ISO_8859_1).indexOf("784,340,10");
        headerEdit[12 + at] = '5';
        assertMalformed(put("header-edit", headerEdit), file.length - 8, expected);
        byte[] appended = Arrays.copyOf(file, file.length + 3);
        assertMalformed(put("appended", appended), appended.length - 8, expected);
    }

    @Test
    void truncationIsReportedClearly() throws IOException {
        byte[] file = validFile();
        int h = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
        assertMalformed(put("cut-header", Arrays.copyOf(file, 12 + h / 2)), 8, "header length " + h,
                "extends past the end of the file", "truncated?");
        // The first tensor fills most of the file, so cutting it in half cuts inside its block.
        assertMalformed(put("cut-data", Arrays.copyOf(file, file.length / 2)), align(12 + h),
                "tensors[0] (\"layer0.weight\")", "extends past the data region", "truncated?");
        // Without its checksum, the last 8 data bytes are taken as the checksum and the last block no longer fits.
        long lastOffset = file.length - 8 - 3400 * 4;
        assertMalformed(put("cut-crc", Arrays.copyOf(file, file.length - 8)), lastOffset,
                "tensors[5] (\"layer1.weight\")", "extends past the data region", "truncated?");
    }

    @Test
    void everyPrefixOfAFileIsRejectedCleanly() throws IOException {
        ModelContents small = new ModelContents(Map.of("a", "b"), Map.of("c", "d"), List.of(
                new NamedTensor("x", new int[] {3}, new float[] {1, 2, 3}),
                new NamedTensor("s", new int[] {}, new float[] {4}),
                new NamedTensor("e", new int[] {0}, new float[0])));
        Path full = dir.resolve("small.fspk");
        ModelFile.write(full, small);
        byte[] file = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.fspk");
        for (int n = 0; n < file.length; n++) {
            Files.write(cut, Arrays.copyOf(file, n));
            final int length = n;
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> ModelFile.read(cut),
                    () -> "prefix of " + length + " bytes");
            assertTrue(e.getMessage().startsWith(cut + ": at byte "), e.getMessage());
        }
        assertEquals(small, ModelFile.read(full));
    }
}
