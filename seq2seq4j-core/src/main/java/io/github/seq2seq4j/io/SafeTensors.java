package io.github.seq2seq4j.io;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.tensor.Shape;
import io.github.seq2seq4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named float32 tensors in the safetensors format: an 8-byte little-endian header length, a JSON
 * header mapping each name to {@code dtype}, {@code shape} and {@code data_offsets} (plus an optional
 * {@code __metadata__} object of strings), then the raw little-endian data.
 *
 * <p>Reading accepts F32, and F16/BF16 widened exactly to float32; any other dtype fails. It checks
 * the whole file first — header length, JSON, every entry, and that the tensors tile the data section
 * with no overlap, hole or trailing bytes — and fails with a one-line {@link InputException} naming
 * the file and the tensor. Writing produces exactly the bytes of the PyTorch reference's
 * {@code write_safetensors} and is atomic.
 */
public final class SafeTensors {
    private SafeTensors() {}

    /** Tensors in header order, and the header's {@code __metadata__} (empty if none). */
    public record Contents(LinkedHashMap<String, Tensor> tensors, LinkedHashMap<String, String> metadata) {}

    /** Reads every tensor, in header order. */
    public static LinkedHashMap<String, Tensor> read(Path file) {
        return SafeTensorsReader.read(file).tensors();
    }

    public static Contents readWithMetadata(Path file) {
        return SafeTensorsReader.read(file);
    }

    /** Writes tensors in map order (use a LinkedHashMap to control it). */
    public static void write(Path file, Map<String, Tensor> tensors) {
        SafeTensorsWriter.write(file, tensors, Map.of());
    }

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        SafeTensorsWriter.write(file, tensors, metadata);
    }

    /** The header block (without the length prefix) that {@link #write} would produce; for tests and tools. */
    public static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) {
        return SafeTensorsWriter.header(tensors, metadata);
    }

    /** Reads a file and checks it holds exactly the expected names with the expected shapes. */
    public static LinkedHashMap<String, Tensor> load(Path file, Map<String, int[]> expected) {
        LinkedHashMap<String, Tensor> tensors = read(file);
        checkNamesAndShapes(file.toString(), tensors, expected);
        return tensors;
    }

    /**
     * Fails if a tensor is missing, unexpected or of another shape, naming the tensor and both shapes;
     * when several are wrong, the first few are listed on one line.
     */
    public static void checkNamesAndShapes(String source, Map<String, Tensor> found, Map<String, int[]> expected) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            Tensor t = found.get(e.getKey());
            if (t == null) {
                problems.add("missing tensor '" + e.getKey() + "' (expected shape " + Shape.str(e.getValue()) + ")");
            } else if (!Arrays.equals(t.shape(), e.getValue())) {
                problems.add("tensor '" + e.getKey() + "' has shape " + Shape.str(t.shape()) + " but "
                        + Shape.str(e.getValue()) + " is expected");
            }
        }
        for (Map.Entry<String, Tensor> e : found.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                problems.add("unexpected tensor '" + e.getKey() + "' of shape " + Shape.str(e.getValue().shape()));
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        int shown = Math.min(problems.size(), 3);
        String more = problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "";
        throw InputException.in(source, String.join("; ", problems.subList(0, shown)) + more);
    }
}
