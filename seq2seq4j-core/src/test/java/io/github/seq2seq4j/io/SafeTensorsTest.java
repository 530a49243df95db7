package io.github.seq2seq4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.tensor.Tensor;
import io.github.seq2seq4j.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing against files made by the PyTorch reference's write_safetensors. */
class SafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheReferenceWritersFile() {
        Map<String, Tensor> got = Fixtures.load("io/reference_writer.safetensors");
        Map<?, ?> expected = (Map<?, ?>) Json.parse(Fixtures.text("io/reference_writer.json"));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(got.keySet()), "names in file order");
        assertTrue(got.containsKey("na\u00efve.weight") && got.containsKey("emoji\uD83D\uDE00")
                && got.containsKey("quote\"back\\slash\ttab"), "escaped names decode");
        for (Map.Entry<?, ?> e : expected.entrySet()) {
            Map<?, ?> spec = (Map<?, ?>) e.getValue();
            Tensor t = got.get(e.getKey());
            int[] shape = ((List<?>) spec.get("shape")).stream().mapToInt(d -> ((Long) d).intValue()).toArray();
            assertArrayEquals(shape, t.shape(), "shape of " + e.getKey());
            assertArrayEquals(bits(spec), t.toArray(), "values of " + e.getKey());
        }
        assertEquals(2.5f, got.get("scalar").item());
        assertEquals(0, got.get("empty").size());
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(got.get("special").at(1)));
    }

    @Test
    void writesTheReferenceWritersBytesForTheSameTensors() throws Exception {
        Map<?, ?> expected = (Map<?, ?>) Json.parse(Fixtures.text("io/reference_writer.json"));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : expected.entrySet()) {      // built from the listing, not from our reader
            Map<?, ?> spec = (Map<?, ?>) e.getValue();
            int[] shape = ((List<?>) spec.get("shape")).stream().mapToInt(d -> ((Long) d).intValue()).toArray();
            tensors.put((String) e.getKey(), Tensor.of(bits(spec), shape));
        }
        Path out = dir.resolve("ours.safetensors");
        SafeTensors.write(out, tensors);
        assertArrayEquals(Files.readAllBytes(Fixtures.path("io/reference_writer.safetensors")), Files.readAllBytes(out));
    }

    @Test
    void rewritingEveryCommittedFixtureGivesTheSameBytes() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Fixtures.path("."))) {
            files = walk.filter(p -> p.toString().endsWith(".safetensors")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() > 150, "found " + files.size() + " fixture files");
        Path out = dir.resolve("copy.safetensors");
        for (Path f : files) {
            SafeTensors.write(out, SafeTensors.read(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(out), f.toString());
        }
    }

    @Test
    void keepsNanBitsAndReadsAnEmptyFile() throws Exception {
        Tensor nan = Fixtures.load("io/nan.safetensors").get("nan");
        assertEquals(0x7fc00000, Float.floatToRawIntBits(nan.at(0)));
        assertEquals(1.0f, nan.at(1));
        assertTrue(Fixtures.load("io/empty_map.safetensors").isEmpty());
        assertEquals(16, Files.size(Fixtures.path("io/empty_map.safetensors")));
    }

    @Test
    void roundTripsMetadataAndLargeTensorsBitExactly() {
        Random rnd = new Random(7);
        float[] big = new float[100_003];            // several read/write chunks plus a partial one
        for (int i = 0; i < big.length; i++) {
            big[i] = Float.intBitsToFloat(rnd.nextInt() & 0x7f7fffff) * (rnd.nextBoolean() ? 1 : -1);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("b", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        tensors.put("a", Tensor.of(big, big.length));
        Tensor view = Tensor.view(new float[] {9, 8, 7, 6}, 1, 2);  // a view at an offset writes only its elements
        tensors.put("view", view);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("note", "caf\u00e9");
        Path f = dir.resolve("m.safetensors");
        SafeTensors.write(f, tensors, meta);
        SafeTensors.Contents c = SafeTensors.readWithMetadata(f);
        assertEquals(meta, c.metadata());
        assertEquals(List.of("b", "a", "view"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(big, c.tensors().get("a").toArray());
        assertArrayEquals(new float[] {8, 7}, c.tensors().get("view").toArray());
        String header = new String(SafeTensors.header(tensors, meta), java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"pt\",\"note\":\"caf\\u00e9\"},\"b\":"), header);
        assertEquals(0, header.length() % 8);
    }

    @Test
    void widensF16AndBf16ToFloat32() throws Exception {
        short[] half = {0x3c00, (short) 0xc000, 0x7bff, 0x0001, 0x03ff, 0x7c00, (short) 0x8000, 0x3555};
        short[] bf16 = {0x3f80, (short) 0xc049, 0x7f80, 0x0001};
        byte[] data = new byte[2 * (half.length + bf16.length)];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (short s : half) {
            b.putShort(s);
        }
        for (short s : bf16) {
            b.putShort(s);
        }
        Path f = file("{\"h\":{\"dtype\":\"F16\",\"shape\":[2,4],\"data_offsets\":[0,16]},"
                + "\"g\":{\"dtype\":\"BF16\",\"shape\":[4],\"data_offsets\":[16,24]}}", data);
        Map<String, Tensor> t = SafeTensors.read(f);
        assertArrayEquals(new float[] {1f, -2f, 65504f, 0x1p-24f, 1023 * 0x1p-24f, Float.POSITIVE_INFINITY, -0.0f,
            0.333251953125f}, t.get("h").toArray());
        assertArrayEquals(new int[] {2, 4}, t.get("h").shape());
        assertArrayEquals(new float[] {1f, -3.140625f, Float.POSITIVE_INFINITY, Float.intBitsToFloat(0x00010000)},
                t.get("g").toArray());
        assertEquals(0x7fc00000, Float.floatToRawIntBits(StoredDtype.halfToFloat((short) 0x7e00)), "quiet NaN");
    }

    @Test
    void rejectsDamagedFilesNamingFileAndTensor() throws Exception {
        String ok = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        expectFailure(file(ok, new byte[8]), null);  // the baseline is valid
        expectFailure(raw(new byte[5]), "truncated: 5 bytes");
        byte[] huge = withLength(ok, new byte[8], 1L << 40);
        expectFailure(raw(huge), "header length 1099511627776 goes beyond the end of the file");
        expectFailure(raw(withLength(ok, new byte[8], -1L)), "header length 18446744073709551615 goes beyond");
        expectFailure(file("{\"w\":{\"dtype\":\"F32\",", new byte[0]), "malformed header JSON at line 1, column 21");
        expectFailure(file("[1,2]", new byte[0]), "does not start with '{'");
        expectFailure(file(ok.replace("F32", "I64"), new byte[8]), "tensor 'w': unsupported dtype \"I64\"");
        expectFailure(file(ok.replace("F32", "F64"), new byte[8]), "tensor 'w': unsupported dtype \"F64\"");
        expectFailure(file(ok, new byte[4]), "tensor 'w': data_offsets [0, 8] go beyond the data section of 4 bytes");
        expectFailure(file(ok.replace("[2]", "[3]"), new byte[8]),
                "tensor 'w': data_offsets [0, 8] span 8 bytes but shape [3] of F32 needs 12");
        expectFailure(file(ok, new byte[12]), "4 trailing bytes after the last tensor ('w' ends at 8)");
        expectFailure(file(ok.replace("[0,8]", "[4,12]"), new byte[12]), "tensor 'w': bytes [0, 4) before this tensor");
        expectFailure(file(ok.replace("[0,8]", "[8,0]"), new byte[8]), "tensor 'w': data_offsets [8,0] is not");
        expectFailure(file(ok.replace("[2]", "[-2]"), new byte[8]), "tensor 'w': shape [-2] is not");
        expectFailure(file(ok.replace("[2]", "[2.0]"), new byte[8]), "tensor 'w': shape [2.0] is not");
        expectFailure(file(ok.replace("\"dtype\":\"F32\",", ""), new byte[8]), "tensor 'w': header entry has no 'dtype'");
        expectFailure(file(ok.replace("}}", ",\"extra\":1}}"), new byte[8]), "tensor 'w': unexpected key 'extra'");
        expectFailure(file("{\"w\":[1]}", new byte[0]), "tensor 'w': header entry is not an object");
        expectFailure(file("{\"__metadata__\":{\"k\":1}}", new byte[0]), "__metadata__ value of 'k' is not a string: 1");
        String two = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        expectFailure(file(two, new byte[12]), "tensor 'b': bytes [4, 12) overlap tensor 'a' at [0, 8)");
        expectFailure(dir.resolve("absent.safetensors"), "absent.safetensors: no such file");
    }

    @Test
    void acceptsHeadersInAnyDataOrder() throws Exception {
        String h = "{\"late\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"early\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        byte[] data = {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0x40};   // 1.0f, 2.0f little-endian
        Map<String, Tensor> t = SafeTensors.read(file(h, data));
        assertEquals(List.of("late", "early"), List.copyOf(t.keySet()));
        assertEquals(2.0f, t.get("late").item());
        assertEquals(1.0f, t.get("early").item());
    }

    @Test
    void writingIsAtomic() throws Exception {
        Path f = dir.resolve("w.safetensors");
        Map<String, Tensor> first = Map.of("x", Tensor.of(new float[] {1, 2}, 2));
        SafeTensors.write(f, first);
        byte[] before = Files.readAllBytes(f);
        Map<String, Tensor> bad = new LinkedHashMap<>();
        bad.put("y", Tensor.of(new float[] {3}, 1));
        bad.put("__metadata__", Tensor.of(new float[] {4}, 1));
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(f, bad));
        assertArrayEquals(before, Files.readAllBytes(f), "a failed write leaves the old file alone");
        SafeTensors.write(f, Map.of("z", Tensor.of(new float[] {5, 6, 7}, 3)));
        assertArrayEquals(new float[] {5, 6, 7}, SafeTensors.read(f).get("z").toArray(), "replaced");
        Path missingDir = dir.resolve("no/such/dir/w.safetensors");
        InputException e = assertThrows(InputException.class, () -> SafeTensors.write(missingDir, first));
        assertTrue(e.getMessage().startsWith(missingDir + ": cannot write:"), e.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("w.safetensors"), left.map(p -> p.getFileName().toString()).collect(Collectors.toList()),
                    "no temporary file is left behind");
        }
    }

    @Test
    void checksNamesAndShapes() throws Exception {
        Path f = dir.resolve("m.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("encoder.weight_ih_l0", Tensor.zeros(24, 6));
        tensors.put("output.bias", Tensor.zeros(31));
        SafeTensors.write(f, tensors);
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("encoder.weight_ih_l0", new int[] {24, 6});
        expected.put("output.bias", new int[] {31});
        assertEquals(2, SafeTensors.load(f, expected).size());

        expected.put("output.bias", new int[] {30});
        InputException wrong = assertThrows(InputException.class, () -> SafeTensors.load(f, expected));
        assertEquals(f + ": tensor 'output.bias' has shape [31] but [30] is expected", wrong.getMessage());

        expected.put("output.bias", new int[] {31});
        expected.put("bridge.weight", new int[] {8, 16});
        InputException missing = assertThrows(InputException.class, () -> SafeTensors.load(f, expected));
        assertEquals(f + ": missing tensor 'bridge.weight' (expected shape [8, 16])", missing.getMessage());

        expected.remove("bridge.weight");
        expected.remove("encoder.weight_ih_l0");
        InputException extra = assertThrows(InputException.class, () -> SafeTensors.load(f, expected));
        assertEquals(f + ": unexpected tensor 'encoder.weight_ih_l0' of shape [24, 6]", extra.getMessage());

        Map<String, int[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            many.put("p" + i, new int[] {i});
        }
        InputException all = assertThrows(InputException.class, () -> SafeTensors.checkNamesAndShapes("src", tensors, many));
        assertTrue(all.getMessage().startsWith("src: missing tensor 'p0'"), all.getMessage());
        assertTrue(all.getMessage().endsWith("; and 4 more"), all.getMessage());
        assertTrue(!all.getMessage().contains("\n"), "one line");
    }

    // ---- helpers ----

    private static float[] bits(Map<?, ?> spec) {
        List<?> hex = (List<?>) spec.get("bits");
        float[] v = new float[hex.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(Integer.parseUnsignedInt((String) hex.get(i), 16));
        }
        return v;
    }

    private void expectFailure(Path f, String message) {
        if (message == null) {
            SafeTensors.read(f);
            return;
        }
        InputException e = assertThrows(InputException.class, () -> SafeTensors.read(f), message);
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), () -> "expected \"" + message + "\" in: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    private int count;

    private Path raw(byte[] bytes) throws Exception {
        Path f = dir.resolve("t" + (count++) + ".safetensors");
        Files.write(f, bytes);
        return f;
    }

    private Path file(String header, byte[] data) throws Exception {
        return raw(withLength(header, data, -2));
    }

    /** 8-byte length (the real one unless {@code length} is given, -2 meaning real), header, data. */
    private static byte[] withLength(String header, byte[] data, long length) {
        byte[] h = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + h.length + data.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(length == -2 ? h.length : length).put(h).put(data);
        return b.array();
    }
}
