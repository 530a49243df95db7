package io.github.seq2seq4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.decode.DecodeOptions;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import io.github.seq2seq4j.testing.Fixtures;
import io.github.seq2seq4j.train.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A frozen model (loaded, or a frozenCopy) keeps its packed weights across translations: with the
 * packs warm it translates to exactly the bits of a model that packs per call; once its network
 * is handed out, a change to the weights reaches the very next translation; and threads that
 * start cold at once, racing to pack, agree with one thread.
 */
class FrozenModelTest {
    private static final String FIXTURE = "models/x-gru-bahdanau-bi-layers2";
    private static final List<String> INPUTS = List.of("hello", "cat", "the cat", "banana", "mississippi", "q", "abc abc");
    private static final DecodeOptions BEAM = DecodeOptions.beam(5, 0.8);

    @Test
    void warmPacksGiveTheBitsOfPackingPerCall() {
        Seq2SeqModel frozen = Seq2SeqModel.load(Fixtures.path(FIXTURE));
        Seq2SeqModel perCall = unfrozen(Seq2SeqModel.load(Fixtures.path(FIXTURE)));
        assertTrue(frozen.isFrozen());
        assertFalse(perCall.isFrozen());
        for (Seq2SeqModel pair : new Seq2SeqModel[] {frozen, larger(frozen)}) {
            Seq2SeqModel reference = unfrozen(pair == frozen ? perCall : copyOf(pair));
            for (int round = 0; round < 3; round++) { // cold, then warm twice
                for (DecodeOptions o : new DecodeOptions[] {DecodeOptions.GREEDY, BEAM}) {
                    assertSame(reference.translate(INPUTS, o), pair.translate(INPUTS, o), "batch, round " + round);
                    for (String s : INPUTS) { // one sentence at a time: the GEMV path
                        assertSame(reference.translate(List.of(s), o), pair.translate(List.of(s), o), s + ", round " + round);
                    }
                }
            }
            assertTrue(pair.isFrozen());
        }
    }

    /** How the weights are changed once the network has been handed out. */
    @ParameterizedTest
    @ValueSource(strings = {"adam step", "load other weights", "scale through data()", "one element through data()"})
    void changedWeightsReachTheNextTranslation(String how) {
        Seq2SeqModel model = Seq2SeqModel.load(Fixtures.path(FIXTURE));
        List<Translation> before = model.translate(INPUTS, BEAM);
        model.translate(INPUTS, DecodeOptions.GREEDY); // packs warm for greedy too
        EncoderDecoder net = model.network();
        assertFalse(model.isFrozen(), "a model whose network was handed out is not frozen");
        change(how).accept(net);
        List<Translation> after = model.translate(INPUTS, BEAM);
        List<Translation> afterGreedy = model.translate(INPUTS, DecodeOptions.GREEDY);

        Seq2SeqModel fresh = Seq2SeqModel.load(Fixtures.path(FIXTURE)); // never decoded: packs nothing stale
        fresh.network().loadStateDict(net.stateDict());
        assertSame(fresh.translate(INPUTS, BEAM), after, how);
        assertSame(fresh.translate(INPUTS, DecodeOptions.GREEDY), afterGreedy, how);
        boolean changed = false;
        for (int i = 0; i < before.size(); i++) {
            changed |= before.get(i).score() != after.get(i).score();
        }
        assertTrue(changed, how + " left every score as it was: the test would not see stale packs");
    }

    private static Consumer<EncoderDecoder> change(String how) {
        return switch (how) {
            case "adam step" -> net -> {
                Adam adam = Adam.adam(net.namedParameters(), 1e-2f);
                Rng rng = new Rng(11);
                for (Tensor p : net.parameters()) {
                    rng.uniform(p.grad(), -1f, 1f);
                }
                adam.step();
            };
            case "load other weights" -> net -> {
                EncoderDecoder other = new EncoderDecoder(net.config(), net.srcVocabSize(), net.tgtVocabSize());
                other.initDefault(new Rng(12));
                net.loadStateDict(other.stateDict());
            };
            case "scale through data()" -> net -> {
                Tensor w = net.stateDict().get("decoder.weight_hh_l0");
                for (int i = 0; i < w.size(); i++) {
                    w.data()[w.offset() + i] *= 1.5f;
                }
            };
            case "one element through data()" -> net -> { // too small a change for FrozenPacks' tripwire
                Tensor w = net.stateDict().get("output.weight");
                w.data()[w.offset() + 1] += 3f;
            };
            default -> throw new IllegalArgumentException(how);
        };
    }

    @Test
    void aFrozenCopyDoesNotSeeLaterTraining() {
        Seq2SeqModel trained = unfrozen(Seq2SeqModel.load(Fixtures.path(FIXTURE)));
        Seq2SeqModel copy = trained.frozenCopy();
        assertTrue(copy.isFrozen());
        List<Translation> want = trained.translate(INPUTS, BEAM);
        assertSame(want, copy.translate(INPUTS, BEAM), "the copy translates as the original");
        change("adam step").accept(trained.network());
        assertSame(want, copy.translate(INPUTS, BEAM), "the copy keeps the weights it was made with");
        assertNotEquals(want.get(0).score(), trained.translate(INPUTS, BEAM).get(0).score());
    }

    @Test
    void threadsStartingColdAgreeWithOneThread() throws Exception {
        Seq2SeqModel base = Seq2SeqModel.load(Fixtures.path(FIXTURE));
        Seq2SeqModel shared = larger(base); // frozen, nothing packed yet
        Seq2SeqModel reference = unfrozen(copyOf(shared));
        List<List<Translation>> want = new ArrayList<>();
        for (String s : INPUTS) {
            want.add(reference.translate(List.of(s), DecodeOptions.GREEDY));
            want.add(reference.translate(List.of(s), BEAM));
        }
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<List<Translation>>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int k = t;
                futures.add(pool.submit(() -> {
                    start.await(); // all at once, so that they race to pack the same weights
                    List<List<Translation>> got = new ArrayList<>();
                    for (int i = 0; i < INPUTS.size(); i++) {
                        String s = INPUTS.get((i + k) % INPUTS.size()); // each thread its own order
                        got.add(shared.translate(List.of(s), DecodeOptions.GREEDY));
                        got.add(shared.translate(List.of(s), BEAM));
                    }
                    return got;
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                List<List<Translation>> got = futures.get(t).get();
                for (int i = 0; i < INPUTS.size(); i++) {
                    int j = (i + t) % INPUTS.size();
                    assertSame(want.get(2 * j), got.get(2 * i), "thread " + t + " greedy " + INPUTS.get(j));
                    assertSame(want.get(2 * j + 1), got.get(2 * i + 1), "thread " + t + " beam " + INPUTS.get(j));
                }
            }
            assertTrue(shared.isFrozen());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A model that packs per call, with the same weights (its network handed out). */
    private static Seq2SeqModel unfrozen(Seq2SeqModel m) {
        m.network();
        return m;
    }

    /** A frozen copy with its own weights, whatever m is. */
    private static Seq2SeqModel copyOf(Seq2SeqModel m) {
        return m.frozenCopy();
    }

    /**
     * A frozen model with the fixture's vocabularies and sizes that cross the kernels' panel and
     * tile edges (the fixture's hidden size is 8), with random weights.
     */
    private static Seq2SeqModel larger(Seq2SeqModel vocabs) {
        ModelConfig c = vocabs.config();
        ModelConfig cfg = new ModelConfig(c.cell(), 19, 37, 1, true, c.attention(), 23, 0f, false, c.tokenizer());
        EncoderDecoder net = new EncoderDecoder(cfg, vocabs.sourceVocabulary().size(), vocabs.targetVocabulary().size());
        net.initDefault(new Rng(3));
        return Seq2SeqModel.of(net, vocabs.sourceVocabulary(), vocabs.targetVocabulary(), null).frozenCopy();
    }

    private static void assertSame(List<Translation> want, List<Translation> got, String what) {
        assertEquals(want.size(), got.size(), what);
        for (int i = 0; i < want.size(); i++) {
            Translation a = want.get(i), b = got.get(i);
            assertEquals(a.tokens(), b.tokens(), what + " #" + i);
            assertEquals(Double.doubleToRawLongBits(a.score()), Double.doubleToRawLongBits(b.score()),
                    what + " #" + i + ": score " + a.score() + " vs " + b.score());
        }
    }
}
