package io.github.seq2seq4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.decode.DecodeOptions;
import io.github.seq2seq4j.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One model shared by many threads translates exactly as it does on one thread. */
class ConcurrentTranslationTest {
    @Test
    void manyThreadsGetTheSequentialResults() throws Exception {
        Seq2SeqModel model = Seq2SeqModel.load(Fixtures.path("models/x-lstm-luong_general-bi-layers2-dropout"));
        List<String> inputs = List.of("hello", "cat", "the cat", "banana", "mississippi", "q", "abc abc", "sequence");
        DecodeOptions beam = DecodeOptions.beam(4, 0.8).withAttention(true);
        List<Translation> greedy = model.translate(inputs, DecodeOptions.GREEDY);
        List<Translation> beamed = model.translate(inputs, beam);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<Translation>>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    // vary batch composition too: each thread decodes the inputs rotated
                    List<String> rotated = new ArrayList<>(inputs.subList(k % inputs.size(), inputs.size()));
                    rotated.addAll(inputs.subList(0, k % inputs.size()));
                    List<Translation> out = model.translate(rotated, k % 2 == 0 ? DecodeOptions.GREEDY : beam);
                    List<Translation> back = new ArrayList<>(out.subList(out.size() - k % inputs.size(), out.size()));
                    back.addAll(out.subList(0, out.size() - k % inputs.size()));
                    return back;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                List<Translation> expected = i % 2 == 0 ? greedy : beamed;
                List<Translation> got = futures.get(i).get();
                for (int j = 0; j < inputs.size(); j++) {
                    assertEquals(expected.get(j).text(), got.get(j).text(), "thread " + i + " input " + j);
                    assertEquals(expected.get(j).score(), got.get(j).score(), 1e-5, "thread " + i + " input " + j);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
