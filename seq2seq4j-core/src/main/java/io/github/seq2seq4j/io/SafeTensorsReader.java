package io.github.seq2seq4j.io;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.tensor.Shape;
import io.github.seq2seq4j.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a safetensors file after validating the whole header against the file size, so a damaged
 * file fails before any tensor is allocated, with a message naming the file and the tensor.
 * Data is streamed through one small direct buffer: memory use is the tensors themselves.
 */
final class SafeTensorsReader {
    /** The reference implementation's limit; a larger header is damage, not a model. */
    static final long MAX_HEADER_BYTES = 100L << 20;
    private static final int CHUNK_BYTES = 1 << 16;
    private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;   // the largest Java array
    private static final Set<String> ENTRY_KEYS = Set.of("dtype", "shape", "data_offsets");

    private record Entry(String name, StoredDtype dtype, int[] shape, int count, long begin, long end) {}

    private final Path file;

    private SafeTensorsReader(Path file) {
        this.file = file;
    }

    static SafeTensors.Contents read(Path file) {
        return new SafeTensorsReader(file).read();
    }

    private SafeTensors.Contents read() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw fail("truncated: " + size + " bytes, but a safetensors file starts with an 8-byte header length");
            }
            long headerLength = readBytes(ch, 0, 8).getLong();
            if (headerLength < 0 || headerLength > size - 8) {
                throw fail("header length " + Long.toUnsignedString(headerLength) + " goes beyond the end of the file ("
                        + size + " bytes): truncated or not a safetensors file");
            }
            if (headerLength > MAX_HEADER_BYTES) {
                throw fail("header length " + headerLength + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
            }
            ByteBuffer raw = readBytes(ch, 8, (int) headerLength);
            byte[] headerBytes = new byte[(int) headerLength];
            raw.get(headerBytes);
            LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
            List<Entry> entries = parseHeader(headerBytes, size - 8 - headerLength, metadata);
            checkLayout(entries, size - 8 - headerLength);
            LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (Entry e : entries) {
                tensors.put(e.name, Tensor.of(readData(ch, buf, 8 + headerLength, e), e.shape));
            }
            return new SafeTensors.Contents(tensors, metadata);
        } catch (NoSuchFileException e) {
            throw fail("no such file");
        } catch (IOException e) {
            throw fail("cannot read: " + e.getMessage());
        }
    }

    private List<Entry> parseHeader(byte[] bytes, long dataLength, Map<String, String> metadata) {
        if (bytes.length == 0 || bytes[0] != '{') {
            throw fail("the header does not start with '{': not a safetensors file");
        }
        Object parsed;
        try {
            parsed = Json.parse(bytes);
        } catch (JsonSyntaxException e) {
            throw fail("malformed header JSON at line " + e.line() + ", column " + e.column() + ": " + e.detail());
        }
        if (!(parsed instanceof Map)) {
            throw fail("the header is not a JSON object");
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> kv : ((Map<?, ?>) parsed).entrySet()) {
            String name = (String) kv.getKey();
            if (name.equals("__metadata__")) {
                metadata(kv.getValue(), metadata);
            } else {
                entries.add(entry(name, kv.getValue(), dataLength));
            }
        }
        return entries;
    }

    private void metadata(Object value, Map<String, String> out) {
        if (!(value instanceof Map)) {
            throw fail("__metadata__ must be an object of strings");
        }
        for (Map.Entry<?, ?> kv : ((Map<?, ?>) value).entrySet()) {
            if (!(kv.getValue() instanceof String)) {
                throw fail("__metadata__ value of '" + kv.getKey() + "' is not a string: " + Json.write(kv.getValue()));
            }
            out.put((String) kv.getKey(), (String) kv.getValue());
        }
    }

    private Entry entry(String name, Object value, long dataLength) {
        if (!(value instanceof Map)) {
            throw fail(name, "header entry is not an object: " + Json.write(value));
        }
        Map<?, ?> m = (Map<?, ?>) value;
        for (Object key : m.keySet()) {
            if (!ENTRY_KEYS.contains(key)) {
                throw fail(name, "unexpected key '" + key + "' in the header entry");
            }
        }
        for (String key : ENTRY_KEYS) {
            if (!m.containsKey(key)) {
                throw fail(name, "header entry has no '" + key + "'");
            }
        }
        Object dtypeName = m.get("dtype");
        StoredDtype dtype = dtypeName instanceof String ? StoredDtype.of((String) dtypeName) : null;
        if (dtype == null) {
            throw fail(name, "unsupported dtype " + Json.write(dtypeName)
                    + " (this reader takes F32, and F16/BF16 which it widens to float32)");
        }
        int[] shape = shape(name, m.get("shape"));
        long count = 1;
        for (int d : shape) {
            count *= d;          // each d < 2^31 and we stop once over the limit: no overflow
            if (count > MAX_ELEMENTS) {
                throw fail(name, "shape " + Shape.str(shape) + " has more elements than a Java array can hold");
            }
        }
        long[] offsets = offsets(name, m.get("data_offsets"));
        long begin = offsets[0];
        long end = offsets[1];
        if (end > dataLength) {
            throw fail(name, "data_offsets [" + begin + ", " + end + "] go beyond the data section of " + dataLength
                    + " bytes: truncated file?");
        }
        if (end - begin != count * dtype.bytes) {
            throw fail(name, "data_offsets [" + begin + ", " + end + "] span " + (end - begin) + " bytes but shape "
                    + Shape.str(shape) + " of " + dtype + " needs " + count * dtype.bytes);
        }
        return new Entry(name, dtype, shape, (int) count, begin, end);
    }

    private int[] shape(String name, Object value) {
        if (!(value instanceof List)) {
            throw fail(name, "shape is not an array: " + Json.write(value));
        }
        List<?> dims = (List<?>) value;
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            Object d = dims.get(i);
            if (!(d instanceof Long) || (Long) d < 0 || (Long) d > Integer.MAX_VALUE) {
                throw fail(name, "shape " + Json.write(value) + " is not a list of non-negative int32 sizes");
            }
            shape[i] = (int) (long) (Long) d;
        }
        return shape;
    }

    private long[] offsets(String name, Object value) {
        if (value instanceof List && ((List<?>) value).size() == 2) {
            Object a = ((List<?>) value).get(0);
            Object b = ((List<?>) value).get(1);
            if (a instanceof Long && b instanceof Long && (Long) a >= 0 && (Long) a <= (Long) b) {
                return new long[] {(Long) a, (Long) b};
            }
        }
        throw fail(name, "data_offsets " + Json.write(value) + " is not [begin, end] with 0 <= begin <= end");
    }

    /** The tensors must tile the data section exactly: no overlap, no hole, nothing after the last. */
    private void checkLayout(List<Entry> entries, long dataLength) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long cursor = 0;
        Entry last = null;
        for (Entry e : sorted) {
            if (e.begin < cursor) {
                throw fail(e.name, "bytes [" + e.begin + ", " + e.end + ") overlap tensor '" + last.name + "' at ["
                        + last.begin + ", " + last.end + ")");
            }
            if (e.begin > cursor) {
                throw fail(e.name, "bytes [" + cursor + ", " + e.begin + ") before this tensor belong to no tensor");
            }
            cursor = e.end;
            last = e;
        }
        if (cursor < dataLength) {
            throw fail((dataLength - cursor) + " trailing bytes after the last tensor"
                    + (last == null ? "" : " ('" + last.name + "' ends at " + cursor + ")"));
        }
    }

    private float[] readData(FileChannel ch, ByteBuffer buf, long dataStart, Entry e) throws IOException {
        float[] dst = new float[e.count];
        long pos = dataStart + e.begin;
        int perChunk = CHUNK_BYTES / e.dtype.bytes;
        for (int done = 0; done < e.count; ) {
            int n = Math.min(e.count - done, perChunk);
            buf.clear().limit(n * e.dtype.bytes);
            if (!fill(ch, buf, pos)) {
                throw fail(e.name, "file ended while reading the tensor's data (was it truncated while being read?)");
            }
            buf.flip();
            e.dtype.decode(buf, dst, done, n);
            pos += (long) n * e.dtype.bytes;
            done += n;
        }
        return dst;
    }

    private ByteBuffer readBytes(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        if (!fill(ch, b, pos)) {
            throw fail("file ended while reading " + n + " bytes at offset " + pos);
        }
        return b.flip();
    }

    /** Reads until {@code b} is full; false if the file ends first. */
    private static boolean fill(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                return false;
            }
            pos += n;
        }
        return true;
    }

    private InputException fail(String detail) {
        return InputException.in(file.toString(), detail);
    }

    private InputException fail(String tensor, String detail) {
        return InputException.in(file.toString(), "tensor '" + tensor + "': " + detail);
    }
}
