package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.train.Checkpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C for real: {@code train} runs in a child JVM, the test sends it SIGINT with {@code kill},
 * and the run must exit with 130 after writing a complete {@code checkpoints/last} that a resumed
 * run continues from.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InterruptTest {
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void sigintSavesALastCheckpointThatLoadsAndResumes(@TempDir Path tmp) throws Exception {
        TrainRuns.write(tmp.resolve("words.tsv"), TrainRuns.WORDS);
        Path cfg = TrainRuns.write(tmp.resolve("run.yaml"), TrainRuns.smallConfig("").replace("epochs: 4", "epochs: 1000000"));
        Path out = tmp.resolve("out");
        Path console = tmp.resolve("console.txt");
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the test JVM's class path (Surefire's manifest jar) holds the compiled classes and every dependency
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train",
                "--config", cfg.toString(), "--out", out.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            Path metrics = out.resolve("metrics.csv");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (trainSteps(metrics) < 10 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(p.isAlive(), "training is still running: " + Files.readString(console));
            assertTrue(trainSteps(metrics) >= 10, "training made progress");
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the run exits after SIGINT");
        } finally {
            p.destroyForcibly();
        }
        String text = Files.readString(console);
        assertEquals(130, p.exitValue(), text);
        assertTrue(text.contains("interrupted: stopping after the current step"), text);
        assertTrue(text.contains("stop requested"), text);

        Path last = out.resolve("checkpoints/last");
        long step = Checkpoints.load(last).state().step();
        Seq2SeqModel.load(last); // complete and loadable
        Seq2SeqModel.load(out); // the final model was published too
        assertTrue(Files.isRegularFile(out.resolve("report/index.html")), "the report is written after Ctrl-C too");
        assertTrue(text.contains("report: " + out.resolve("report/index.html").toAbsolutePath()), text);
        assertEquals(step, lastTrainStep(out.resolve("metrics.csv")), "the checkpoint is at the last recorded step");

        CliRun resumed = TrainRuns.train(0, "--resume", out.toString(), "--max-steps", Long.toString(step + 3));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("resumed at step " + step), resumed.err());
        assertEquals(step + 3, lastTrainStep(out.resolve("metrics.csv")));
        assertEquals(step + 3, Checkpoints.load(last).state().step());
    }

    private static long trainSteps(Path metrics) throws Exception {
        if (!Files.exists(metrics)) {
            return 0;
        }
        return Files.readAllLines(metrics).stream().filter(l -> l.contains(",train,loss,")).count();
    }

    private static long lastTrainStep(Path metrics) throws Exception {
        List<String> rows = Files.readAllLines(metrics).stream().filter(l -> l.contains(",train,loss,")).toList();
        return Long.parseLong(rows.get(rows.size() - 1).split(",")[0]);
    }
}
