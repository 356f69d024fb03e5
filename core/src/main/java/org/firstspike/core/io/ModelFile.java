package org.firstspike.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * Reads and writes the FirstSpike model container: a JSON header plus little-endian float32
 * blocks, simple enough to read from any language (see {@code docs/MODEL_FORMAT.md}).
 *
 * <h2>Layout (version 1)</h2>
 * <pre>
 * offset 0   : 8 bytes ASCII magic "FSPKMDL1"
 * offset 8   : uint32 LE  header length H in bytes
 * offset 12  : H bytes UTF-8 JSON header
 * then       : zero padding to the next multiple of 64 bytes (so blocks are aligned for mmap)
 * then       : tensor data blocks, float32 little-endian, in header order, each starting at its
 *              declared offset; every offset is a multiple of 64, with zero padding between blocks
 * last 8     : uint64 LE CRC-32 of everything before it (header, padding and data bytes)
 * </pre>
 * The checksum is the ordinary CRC-32 of zlib, gzip and PNG ({@link CRC32}, Python
 * {@code zlib.crc32}), not CRC-32C, because every language's standard library has it; it is stored
 * zero-extended to 64 bits.
 *
 * <p>The header is a JSON object with exactly these keys:
 * <pre>
 * {"format":"firstspike-model","version":1,
 *  "config":{string: string, ...},"metadata":{string: string, ...},
 *  "tensors":[{"name":string,"shape":[int,...],"dtype":"float32","offset":int,"length":int}, ...]}
 * </pre>
 * {@code offset} is the absolute byte position of the tensor's first float and {@code length} its
 * number of floats, which must equal the product of {@code shape}. A shape {@code []} is a scalar
 * of one element; a shape containing 0 is an empty tensor whose {@code length} is 0 (its offset is
 * still a multiple of 64 inside the data region). Tensor blocks must not overlap and must end at or
 * before the checksum. Unknown keys are rejected rather than ignored, so that a reader never
 * silently drops information a newer writer stored; new keys require a new version.
 *
 * <p>The writer is deterministic: the header holds only what the caller supplied, in insertion
 * order, so the same contents always produce identical bytes. It writes a temporary file in the
 * target directory and renames it over the target atomically, so readers never see a partial model.
 */
public final class ModelFile {

    private static final byte[] MAGIC = "FSPKMDL1".getBytes(StandardCharsets.US_ASCII);
    private static final String FORMAT = "firstspike-model";
    private static final int VERSION = 1;
    private static final String DTYPE = "float32";
    private static final int ALIGNMENT = 64;
    /** Magic plus header-length field. */
    private static final int PREAMBLE = 12;
    private static final int CHECKSUM_BYTES = 8;
    /** Smallest possible file: a header of at least one byte padded to 64, then the checksum. */
    private static final int MIN_SIZE = ALIGNMENT + CHECKSUM_BYTES;
    /** The header is read into one array; this is the largest length every mainstream JVM allows. */
    private static final int MAX_HEADER_LENGTH = Integer.MAX_VALUE - 8;
    /** Transfer buffer size; a multiple of 4 so float32 values never straddle two chunks. */
    private static final int CHUNK = 1 << 20;
    private static final List<String> ROOT_KEYS = List.of("format", "version", "config", "metadata", "tensors");
    private static final List<String> TENSOR_KEYS = List.of("name", "shape", "dtype", "offset", "length");

    // Duplicate keys would make the header ambiguous, so they are an error.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ModelFile() {
    }

    /**
     * Writes {@code contents} to {@code file}, atomically replacing any existing file.
     *
     * @throws IOException if the directory is not writable or the filesystem cannot rename atomically
     */
    public static void write(Path file, ModelContents contents) throws IOException {
        Path target = file.toAbsolutePath();
        List<NamedTensor> tensors = contents.tensors();
        long[] offsets = new long[tensors.size()];
        byte[] header = layout(contents, offsets);
        long dataStart = align(PREAMBLE + (long) header.length);

        // Not Files.createTempFile: it creates the file owner-only (0600), and the rename would give
        // the model those permissions; CREATE_NEW with a random name keeps the usual umask.
        Path temp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                CRC32 crc = new CRC32();
                ByteBuffer head = ByteBuffer.allocate((int) dataStart).order(ByteOrder.LITTLE_ENDIAN);
                head.put(MAGIC).putInt(header.length).put(header);
                // The rest of the freshly allocated buffer is the zero padding.
                writeChecked(out, head.array(), head.capacity(), crc);

                ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                long position = dataStart;
                for (int i = 0; i < tensors.size(); i++) {
                    int padding = (int) (offsets[i] - position);
                    writeChecked(out, new byte[padding], padding, crc);
                    float[] data = tensors.get(i).data();
                    for (int from = 0; from < data.length; from += CHUNK / Float.BYTES) {
                        int n = Math.min(CHUNK / Float.BYTES, data.length - from);
                        chunk.clear();
                        chunk.asFloatBuffer().put(data, from, n);
                        writeChecked(out, chunk.array(), n * Float.BYTES, crc);
                    }
                    position = offsets[i] + (long) data.length * Float.BYTES;
                }
                ByteBuffer tail = ByteBuffer.allocate(CHECKSUM_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                tail.putLong(crc.getValue()).flip();
                writeFully(out, tail);
                // Flush to disk before the rename, so a crash cannot leave a renamed but empty file.
                out.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Builds the JSON header and fills {@code offsets}. Offsets depend on the header length, which
     * depends on the digits of the offsets, so iterate: start from the smallest data start and
     * recompute until it is stable. The data start never decreases between rounds (larger offsets
     * never have fewer digits), so this ends after a round or two.
     */
    private static byte[] layout(ModelContents contents, long[] offsets) throws JsonProcessingException {
        long dataStart = ALIGNMENT;
        while (true) {
            long position = dataStart;
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = align(position);
                position = offsets[i] + (long) contents.tensors().get(i).data().length * Float.BYTES;
            }
            byte[] header = JSON.writeValueAsBytes(headerJson(contents, offsets));
            long needed = align(PREAMBLE + (long) header.length);
            if (needed == dataStart) {
                return header;
            }
            dataStart = needed;
        }
    }

    private static ObjectNode headerJson(ModelContents contents, long[] offsets) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode config = root.putObject("config");
        contents.config().forEach(config::put);
        ObjectNode metadata = root.putObject("metadata");
        contents.metadata().forEach(metadata::put);
        ArrayNode tensors = root.putArray("tensors");
        for (int i = 0; i < offsets.length; i++) {
            NamedTensor t = contents.tensors().get(i);
            ObjectNode entry = tensors.addObject();
            entry.put("name", t.name());
            ArrayNode shape = entry.putArray("shape");
            for (int d : t.shape()) {
                shape.add(d);
            }
            entry.put("dtype", DTYPE);
            entry.put("offset", offsets[i]);
            entry.put("length", t.data().length);
        }
        return root;
    }

    private static void writeChecked(FileChannel out, byte[] bytes, int length, CRC32 crc) throws IOException {
        crc.update(bytes, 0, length);
        writeFully(out, ByteBuffer.wrap(bytes, 0, length));
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /**
     * Reads a model file, verifying its structure and checksum.
     *
     * @throws MalformedInputException if the file is not a valid version-1 model file, naming the
     *                                 byte offset of the problem
     */
    public static ModelContents read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Reader(file, in, in.size()).read();
        }
    }

    /** One read of one file; holds the file, its size and the running checksum. */
    private static final class Reader {
        private final Path file;
        private final FileChannel in;
        private final long size;
        private final long checksumAt;
        private final CRC32 crc = new CRC32();

        Reader(Path file, FileChannel in, long size) {
            this.file = file;
            this.in = in;
            this.size = size;
            this.checksumAt = size - CHECKSUM_BYTES;
        }

        ModelContents read() throws IOException {
            if (size < MAGIC.length) {
                throw tooShort();
            }
            byte[] magic = readChecked(0, MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw fail(0, "found magic " + describe(magic) + "; expected \"FSPKMDL1\" (a FirstSpike model file)");
            }
            if (size < MIN_SIZE) {
                throw tooShort();
            }
            long headerLength = Integer.toUnsignedLong(
                    ByteBuffer.wrap(readChecked(8, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt());
            long headerEnd = PREAMBLE + headerLength;
            if (headerLength == 0) {
                throw fail(8, "header length is 0; expected the length of a JSON header");
            }
            if (headerEnd > checksumAt) {
                throw fail(8, "header length " + headerLength + " extends past the end of the file: the header would"
                        + " end at byte " + headerEnd + " but the checksum starts at byte " + checksumAt
                        + " (file is " + size + " bytes; truncated?)");
            }
            long dataStart = align(headerEnd);
            if (dataStart > checksumAt) {
                throw fail(headerEnd, "the padding after the header runs to byte " + dataStart
                        + ", past the checksum at byte " + checksumAt + " (file is " + size + " bytes; truncated?)");
            }
            if (headerLength > MAX_HEADER_LENGTH) {
                throw fail(8, "header length " + headerLength + " exceeds " + MAX_HEADER_LENGTH
                        + " bytes; expected a header that fits in one Java array");
            }
            JsonNode root = parseHeader(readChecked(PREAMBLE, (int) headerLength));
            checkKeys(root, ROOT_KEYS, "header");
            checkText(root, "format", FORMAT);
            JsonNode version = root.get("version");
            if (!version.isInt() || version.intValue() != VERSION) {
                throw headerError("field \"version\" is " + version + "; expected " + VERSION
                        + " (this reader supports version " + VERSION + " only)");
            }
            Map<String, String> config = stringMap(root.get("config"), "config");
            Map<String, String> metadata = stringMap(root.get("metadata"), "metadata");
            NamedTensor[] tensors = readData(tensorEntries(root.get("tensors"), dataStart), headerEnd);
            return new ModelContents(config, metadata, List.of(tensors));
        }

        private JsonNode parseHeader(byte[] header) throws MalformedInputException {
            // Check the encoding first: Jackson would guess UTF-16/32 for some byte patterns.
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.wrap(header);
            CoderResult result = utf8.decode(bytes, CharBuffer.allocate(header.length), true);
            if (result.isError()) {
                throw fail(PREAMBLE + bytes.position(), "header is not valid UTF-8 (" + result.length()
                        + " malformed byte(s)); expected UTF-8 JSON");
            }
            JsonNode root;
            long trailingAt = -1;
            try (JsonParser parser = JSON.createParser(header)) {
                root = JSON.readTree(parser);
                // Content after the object would make the header ambiguous.
                if (root != null && parser.nextToken() != null) {
                    trailingAt = parser.currentTokenLocation().getByteOffset();
                }
            } catch (JsonProcessingException e) {
                long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
                throw fail(PREAMBLE + Math.max(at, 0), "header is not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw fail(PREAMBLE, "header is not valid JSON: " + e.getMessage());
            }
            if (trailingAt >= 0) {
                throw fail(PREAMBLE + trailingAt, "header has content after the JSON object; expected only"
                        + " whitespace");
            }
            if (root == null || root.isMissingNode()) {
                throw fail(PREAMBLE, "header is empty; expected a JSON object");
            }
            if (!root.isObject()) {
                throw fail(PREAMBLE, "header is " + kind(root) + "; expected a JSON object");
            }
            return root;
        }

        /** Validates the tensor entries and their byte ranges; returns them sorted by offset. */
        private List<Entry> tensorEntries(JsonNode tensors, long dataStart) throws MalformedInputException {
            if (!tensors.isArray()) {
                throw headerError("field \"tensors\" is " + kind(tensors) + "; expected an array");
            }
            List<Entry> entries = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < tensors.size(); i++) {
                String where = "tensors[" + i + "]";
                JsonNode t = tensors.get(i);
                if (!t.isObject()) {
                    throw headerError(where + " is " + kind(t) + "; expected an object");
                }
                checkKeys(t, TENSOR_KEYS, where);
                JsonNode name = t.get("name");
                if (!name.isTextual() || name.textValue().isEmpty()) {
                    throw headerError(where + ".name is " + name + "; expected a non-empty string");
                }
                where = where + " (\"" + name.textValue() + "\")";
                if (!names.add(name.textValue())) {
                    throw headerError(where + " repeats an earlier tensor name; expected unique names");
                }
                JsonNode dtype = t.get("dtype");
                if (!dtype.isTextual() || !dtype.textValue().equals(DTYPE)) {
                    throw headerError(where + " has unsupported dtype " + dtype + "; expected \"" + DTYPE + "\"");
                }
                int[] shape = shape(t.get("shape"), where);
                long offset = nonNegativeLong(t.get("offset"), where + ".offset");
                long length = nonNegativeLong(t.get("length"), where + ".length");
                long elements = NamedTensor.elementCount(shape);
                if (elements < 0) {
                    throw headerError(where + " has shape " + Arrays.toString(shape) + " with more than "
                            + NamedTensor.MAX_ELEMENTS + " elements; expected at most that many");
                }
                if (elements != length) {
                    throw headerError(where + " has shape " + Arrays.toString(shape) + " with " + elements
                            + " elements but length " + length + "; expected them to be equal");
                }
                String dataRegion = "the data region, which ends at byte " + checksumAt
                        + " where the checksum starts (file is " + size + " bytes; truncated?)";
                // Checked before computing the end so that offset + bytes cannot overflow.
                if (offset > checksumAt) {
                    throw fail(offset, where + " starts at byte " + offset + ", past " + dataRegion);
                }
                long end = offset + length * Float.BYTES;
                String range = where + " at bytes [" + offset + ", " + end + ")";
                if (offset % ALIGNMENT != 0) {
                    throw fail(offset, range + ": offset is not a multiple of " + ALIGNMENT);
                }
                if (offset < dataStart) {
                    throw fail(offset, range + " starts inside the header; expected an offset >= " + dataStart
                            + ", where the data region begins");
                }
                if (end > checksumAt) {
                    throw fail(offset, range + " extends past " + dataRegion);
                }
                entries.add(new Entry(i, name.textValue(), shape, offset, end));
            }
            entries.sort(Comparator.comparingLong(Entry::offset));
            Entry previous = null;
            for (Entry e : entries) {
                if (e.end == e.offset) {
                    continue;
                }
                if (previous != null && e.offset < previous.end) {
                    throw fail(e.offset, "tensors[" + e.index + "] (\"" + e.name + "\") at bytes [" + e.offset + ", "
                            + e.end + ") overlaps tensors[" + previous.index + "] (\"" + previous.name
                            + "\") at bytes [" + previous.offset + ", " + previous.end + ")");
                }
                previous = e;
            }
            return entries;
        }

        /**
         * Reads all bytes after the header in file order, feeding the checksum and decoding the
         * tensor blocks, then compares the checksum. One sequential pass, one fixed-size buffer.
         * Returns the tensors in header order.
         */
        private NamedTensor[] readData(List<Entry> byOffset, long headerEnd) throws IOException {
            NamedTensor[] tensors = new NamedTensor[byOffset.size()];
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            long position = headerEnd;
            for (Entry e : byOffset) {
                if (e.end == e.offset) {
                    // An empty tensor may sit inside an earlier block; it has no bytes to read.
                    tensors[e.index] = new NamedTensor(e.name, e.shape, new float[0]);
                    continue;
                }
                position = skipChecked(position, e.offset, chunk);
                float[] values = new float[(int) ((e.end - e.offset) / Float.BYTES)];
                for (int from = 0; from < values.length; from += CHUNK / Float.BYTES) {
                    int n = Math.min(CHUNK / Float.BYTES, values.length - from);
                    fill(chunk, position, n * Float.BYTES);
                    chunk.flip();
                    chunk.asFloatBuffer().get(values, from, n);
                    position += (long) n * Float.BYTES;
                }
                tensors[e.index] = new NamedTensor(e.name, e.shape, values);
            }
            skipChecked(position, checksumAt, chunk);
            long stored = ByteBuffer.wrap(read(checksumAt, CHECKSUM_BYTES)).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (stored != crc.getValue()) {
                throw fail(checksumAt, String.format("checksum mismatch: file is corrupt or truncated (stored"
                        + " 0x%016X, computed CRC-32 0x%08X over bytes [0, %d))", stored, crc.getValue(), checksumAt));
            }
            return tensors;
        }

        /** Feeds bytes [from, to) that belong to no tensor (zero padding) to the checksum. */
        private long skipChecked(long from, long to, ByteBuffer chunk) throws IOException {
            for (long p = from; p < to; p += CHUNK) {
                fill(chunk, p, (int) Math.min(CHUNK, to - p));
            }
            return to;
        }

        /** Reads {@code length} bytes at {@code position} into {@code chunk} and feeds them to the checksum. */
        private void fill(ByteBuffer chunk, long position, int length) throws IOException {
            chunk.clear().limit(length);
            readFully(chunk, position);
            crc.update(chunk.array(), 0, length);
        }

        private byte[] readChecked(long position, int length) throws IOException {
            byte[] bytes = read(position, length);
            crc.update(bytes);
            return bytes;
        }

        private byte[] read(long position, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            readFully(buffer, position);
            return buffer.array();
        }

        private void readFully(ByteBuffer buffer, long position) throws IOException {
            long p = position;
            while (buffer.hasRemaining()) {
                int n = in.read(buffer, p);
                if (n < 0) {
                    throw fail(p, "unexpected end of file; expected " + size + " bytes (was the file changed while"
                            + " it was being read?)");
                }
                p += n;
            }
        }

        private void checkKeys(JsonNode node, List<String> expected, String where) throws MalformedInputException {
            for (String key : expected) {
                if (!node.has(key)) {
                    throw headerError(where + " is missing field \"" + key + "\"; expected fields " + expected);
                }
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!expected.contains(key)) {
                    throw headerError(where + " has unknown field \"" + key + "\"; expected only " + expected);
                }
            }
        }

        private void checkText(JsonNode node, String field, String expected) throws MalformedInputException {
            JsonNode value = node.get(field);
            if (!value.isTextual() || !value.textValue().equals(expected)) {
                throw headerError("field \"" + field + "\" is " + value + "; expected \"" + expected + "\"");
            }
        }

        private Map<String, String> stringMap(JsonNode node, String field) throws MalformedInputException {
            if (!node.isObject()) {
                throw headerError("field \"" + field + "\" is " + kind(node) + "; expected an object of strings");
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw headerError(field + "[\"" + e.getKey() + "\"] is " + kind(e.getValue())
                            + "; expected a string");
                }
                map.put(e.getKey(), e.getValue().textValue());
            }
            return map;
        }

        private int[] shape(JsonNode node, String where) throws MalformedInputException {
            if (!node.isArray()) {
                throw headerError(where + ".shape is " + kind(node) + "; expected an array of integers >= 0");
            }
            int[] shape = new int[node.size()];
            for (int k = 0; k < shape.length; k++) {
                JsonNode d = node.get(k);
                if (!d.isIntegralNumber() || !d.canConvertToInt() || d.intValue() < 0) {
                    throw headerError(where + ".shape[" + k + "] is " + d + "; expected an integer 0.."
                            + Integer.MAX_VALUE);
                }
                shape[k] = d.intValue();
            }
            return shape;
        }

        private long nonNegativeLong(JsonNode node, String where) throws MalformedInputException {
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
                throw headerError(where + " is " + node + "; expected an integer >= 0");
            }
            return node.longValue();
        }

        private MalformedInputException headerError(String what) {
            // The JSON tree keeps no positions, so point at the header start and name the JSON path.
            return fail(PREAMBLE, "JSON header " + what);
        }

        private MalformedInputException tooShort() {
            return fail(size, "file is only " + size + " bytes; expected at least " + MIN_SIZE
                    + " (magic, header length, padded header and checksum)");
        }

        private MalformedInputException fail(long offset, String what) {
            return new MalformedInputException(file, offset, what);
        }
    }

    /** A validated header entry; {@code index} is its position in the header's tensor list. */
    private record Entry(int index, String name, int[] shape, long offset, long end) {
    }

    private static long align(long position) {
        return (position + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private static String kind(JsonNode node) {
        return "a JSON " + node.getNodeType().name().toLowerCase();
    }

    /** Shows unexpected magic bytes both as text and as hex, since they may be either. */
    private static String describe(byte[] bytes) {
        StringBuilder text = new StringBuilder("\"");
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            text.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
            hex.append(String.format(" %02x", c));
        }
        return text.append("\" (bytes").append(hex).append(')').toString();
    }
}
