package io.github.seq2seq4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.cli.Main;
import io.github.seq2seq4j.data.Batch;
import io.github.seq2seq4j.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bench command end to end on a tiny model, and its pieces against their definitions. */
class BenchCommandTest {
    @Test
    void printsOneJsonLineWithTheReferenceKeys(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("cfg.json");
        Files.writeString(cfg, "{\"cell\":\"lstm\",\"embedding_size\":8,\"hidden_size\":8,\"attention\":\"luong_general\"}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("bench", "--config", cfg.toString(), "--vocab", "12", "--batch", "4", "--min-len", "2",
                "--max-len", "4", "--steps", "2", "--warmup", "1", "--singles", "2", "--threads", "1",
                "--decode-warmup-seconds", "0.05");
        assertEquals(0, code, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(1, lines.size(), out.toString());
        Map<?, ?> json = (Map<?, ?>) Json.parse(lines.get(0));
        for (String key : List.of("impl", "threads", "config", "vocab", "batch", "steps", "train_target_tokens_per_s",
                "loss_first", "loss_last", "greedy_batch_sentences_per_s", "greedy_single_sentences_per_s",
                "beam5_single_sentences_per_s", "cpu_ms_train_step", "cpu_ms_greedy_batch", "cpu_ms_greedy_single",
                "cpu_ms_beam5_single", "alloc_kb_train_step", "alloc_kb_greedy_single", "alloc_kb_beam5_single",
                "scratch_mb_train_step", "peak_rss_mb", "jvm_options")) {
            assertTrue(json.containsKey(key), "missing " + key + " in " + lines.get(0));
        }
        assertTrue(((String) json.get("impl")).startsWith("seq2seq4j-jdk"), lines.get(0));
        assertEquals("lstm", ((Map<?, ?>) json.get("config")).get("cell"));
        assertEquals(0.05, ((Number) json.get("decode_warmup_seconds")).doubleValue());
        for (String key : List.of("train_target_tokens_per_s", "greedy_batch_sentences_per_s",
                "greedy_single_sentences_per_s", "beam5_single_sentences_per_s", "cpu_ms_train_step",
                "alloc_kb_train_step", "alloc_kb_greedy_single", "alloc_kb_beam5_single", // every step makes tape objects
                "scratch_mb_train_step")) {
            assertTrue(((Number) json.get(key)).doubleValue() > 0, key);
        }
    }

    @Test
    void rejectsANegativeWarmUpTimeInOneLine(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("cfg.json");
        Files.writeString(cfg, "{\"cell\":\"gru\",\"embedding_size\":4,\"hidden_size\":4}");
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("bench", "--config", cfg.toString(), "--decode-warmup-seconds", "-1");
        assertEquals(2, code);
        assertTrue(err.toString().lines().findFirst().orElse("").contains("--decode-warmup-seconds >= 0"), err.toString());
    }

    @Test
    void syntheticBatchesAreReversalPairsInTheReferenceLayout() {
        Batch b = new SyntheticData(3, 10, 2, 5).next(6);
        int s = b.srcWidth(), t = b.tgtWidth();
        assertEquals(s + 1, t);
        for (int r = 0; r < b.size(); r++) {
            int n = b.srcLen()[r];
            assertTrue(n >= 2 && n <= 5);
            assertEquals(2, b.tgtIn()[r * t]); // BOS
            assertEquals(3, b.tgtOut()[r * t + n]); // EOS
            for (int i = 0; i < n; i++) {
                int tok = b.src()[r * s + i];
                assertTrue(tok >= 4 && tok < 10, "token " + tok);
                assertEquals(tok, b.tgtOut()[r * t + n - 1 - i]);
                assertEquals(tok, b.tgtIn()[r * t + n - i]);
            }
            for (int i = n; i < s; i++) {
                assertEquals(0, b.src()[r * s + i]);
            }
        }
    }

    @Test
    void topKTakesTheBestOfAllRowsAndSkipsDeadOnes() {
        float[] scores = {-1f, Float.NEGATIVE_INFINITY, -0.5f};
        float[] logp = {-0.1f, -2f, -0.3f, /* dead row */ 0f, 0f, 0f, -0.7f, -0.2f, -3f};
        int[] best = new int[3];
        float[] bestScore = new float[3];
        FixedBeam.topK(scores, logp, 0, 3, 3, best, bestScore);
        assertArrayEquals(new int[] {7, 0, 6}, best); // totals -0.7 (row 2), -1.1 (row 0), -1.2 (row 2)
        assertArrayEquals(new float[] {-0.5f + -0.2f, -1f + -0.1f, -0.5f + -0.7f}, bestScore);
    }
}
