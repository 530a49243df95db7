package io.github.seq2seq4j.examples.api;

import io.github.seq2seq4j.Seq2SeqModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One model shared by many threads. A {@link Seq2SeqModel} is safe to use from any number of
 * threads at once: each call builds its own computation and only reads the weights, so there is
 * no lock to take and no copy to make. Here a pool of threads translates many words at the same
 * time, and every answer is checked against the same word translated alone.
 *
 * <pre>
 * java -cp seq2seq4j-examples/target/seq2seq4j-examples.jar io.github.seq2seq4j.examples.api.ConcurrentExample [MODEL_DIR]
 * </pre>
 */
public final class ConcurrentExample {
    /** The words translated, over and over. */
    public static final List<String> WORDS = List.of("hello", "cat", "dog", "good", "house", "water", "moon", "book");

    /**
     * What happened.
     *
     * @param translations every task's answer, in task order
     * @param reference    each word translated alone on the calling thread
     * @param threadsSeen  how many different threads did the work
     * @param mismatches   answers that differ from the reference (0 when the model is thread-safe)
     */
    public record Result(List<String> translations, Map<String, String> reference, int threadsSeen, int mismatches) {}

    private ConcurrentExample() {}

    /**
     * Runs {@code tasks} translations on {@code threads} threads, task {@code i} translating
     * word {@code i mod 8} (even tasks one word at a time, odd tasks as a batch of all eight).
     */
    public static Result run(Path modelDir, int threads, int tasks, PrintWriter out) throws InterruptedException {
        Seq2SeqModel model = Seq2SeqModel.load(modelDir); // loaded once, shared by every thread
        Map<String, String> reference = new LinkedHashMap<>();
        for (String w : WORDS) {
            reference.put(w, model.translate(w));
        }

        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < tasks; i++) {
                int task = i;
                futures.add(pool.submit(() -> {
                    threadNames.add(Thread.currentThread().getName());
                    String word = WORDS.get(task % WORDS.size());
                    if (task % 2 == 0) {
                        return model.translate(word);
                    }
                    return model.translate(WORDS).get(task % WORDS.size()); // batches are safe too
                }));
            }
            List<String> translations = new ArrayList<>();
            int mismatches = 0;
            for (int i = 0; i < tasks; i++) {
                String got;
                try {
                    got = futures.get(i).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("task " + i + " failed", e.getCause());
                }
                translations.add(got);
                if (!got.equals(reference.get(WORDS.get(i % WORDS.size())))) {
                    mismatches++;
                }
            }
            out.printf("%d translations on %d threads (%d of them did work): %d differ from the word translated alone%n",
                    tasks, threads, threadNames.size(), mismatches);
            reference.forEach((w, t) -> out.println("  " + w + " -> " + t));
            out.flush();
            return new Result(translations, reference, threadNames.size(), mismatches);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs the example: 400 translations on 16 threads.
     *
     * @param args the model directory (default {@value ExampleModel#DEFAULT})
     * @throws InterruptedException if interrupted while waiting for the threads
     */
    public static void main(String[] args) throws InterruptedException {
        run(ExampleModel.dir(args), 16, 400, new PrintWriter(System.out, true));
    }
}
