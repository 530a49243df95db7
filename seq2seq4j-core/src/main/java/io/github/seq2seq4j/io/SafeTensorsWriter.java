package io.github.seq2seq4j.io;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes float32 tensors byte-for-byte as the reference's {@code write_safetensors}: tensors in map
 * order and packed back to back, header JSON compact with non-ASCII escaped, padded with spaces to a
 * multiple of 8. Optional metadata goes first in the header. The file appears whole or not at all: it
 * is written to a temporary file in the same directory, flushed to disk, then renamed over the target.
 */
final class SafeTensorsWriter {
    private static final int CHUNK_FLOATS = 1 << 14;

    private SafeTensorsWriter() {}

    static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            for (Map.Entry<String, String> kv : metadata.entrySet()) {
                if (kv.getKey() == null || kv.getValue() == null) {
                    throw new IllegalArgumentException("safetensors metadata cannot hold null: " + kv);
                }
            }
            header.put("__metadata__", metadata);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> kv : tensors.entrySet()) {
            String name = kv.getKey();
            if (name == null || kv.getValue() == null || name.equals("__metadata__")) {
                throw new IllegalArgumentException("invalid safetensors tensor name or value: " + name);
            }
            long bytes = 4L * kv.getValue().size();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", kv.getValue().shape());
            entry.put("data_offsets", List.of(offset, offset + bytes));
            header.put(name, entry);
            offset += bytes;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.US_ASCII);   // all non-ASCII is escaped
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = new byte[padded];
        System.arraycopy(json, 0, out, 0, json.length);
        java.util.Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        byte[] header = header(tensors, metadata);    // validates before anything touches the disk
        List<Tensor> values = new ArrayList<>(tensors.values());
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.allocateDirect(4 * CHUNK_FLOATS).order(ByteOrder.LITTLE_ENDIAN);
                buf.putLong(header.length).flip();
                drain(ch, buf);
                drain(ch, ByteBuffer.wrap(header));
                for (Tensor t : values) {
                    for (int done = 0; done < t.size(); ) {
                        int n = Math.min(t.size() - done, CHUNK_FLOATS);
                        buf.clear();
                        buf.asFloatBuffer().put(t.data(), t.offset() + done, n);
                        buf.limit(4 * n);
                        drain(ch, buf);
                        done += n;
                    }
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw InputException.in(file.toString(), "cannot write: " + e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }

    private static void drain(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
