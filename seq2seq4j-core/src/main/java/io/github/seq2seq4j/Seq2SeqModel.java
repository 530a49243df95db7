package io.github.seq2seq4j;

import io.github.seq2seq4j.autograd.FrozenPacks;
import io.github.seq2seq4j.data.BpeTokenizer;
import io.github.seq2seq4j.data.Tokenizer;
import io.github.seq2seq4j.data.Vocabulary;
import io.github.seq2seq4j.decode.BeamSearch;
import io.github.seq2seq4j.decode.DecodeOptions;
import io.github.seq2seq4j.decode.GreedyDecoder;
import io.github.seq2seq4j.decode.Hypothesis;
import io.github.seq2seq4j.io.ModelBundle;
import io.github.seq2seq4j.io.PretrainedModels;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained model ready to translate: the network, its vocabularies and its tokenizer.
 *
 * <pre>{@code
 * Seq2SeqModel model = Seq2SeqModel.load(Path.of("models/g2p-en-cmudict"));
 * String phonemes = model.translate("h e l l o");
 * }</pre>
 *
 * <p>Thread-safe for translation: any number of threads may translate at once (each call builds
 * its own computation; the weights are only read).
 *
 * <p>A model is <em>frozen</em> when nothing outside it can change its weights: models from
 * {@link #load}, {@link #open}, {@link #pretrained} and {@link #frozenCopy}, until
 * {@link #network()} hands the network out. A frozen model packs each weight into the GEMM's panel
 * layout once and keeps the packs for every later call and thread ({@link FrozenPacks}); any other
 * model packs its weights again in every call, because its owner may train it in between.
 */
public final class Seq2SeqModel {
    private final ModelConfig config;
    private final Vocabulary sourceVocab;
    private final Vocabulary targetVocab;
    private final EncoderDecoder network;
    private final BpeTokenizer bpe;
    private final Tokenizer tokenizer;
    // Non-null while frozen; dropped for good when network() hands the weights out.
    private volatile FrozenPacks packs;

    private Seq2SeqModel(ModelConfig config, Vocabulary sourceVocab, Vocabulary targetVocab, EncoderDecoder network,
                         BpeTokenizer bpe, FrozenPacks packs) {
        this.config = config;
        this.sourceVocab = sourceVocab;
        this.targetVocab = targetVocab;
        this.network = network;
        this.bpe = bpe;
        this.tokenizer = bpe != null ? bpe : Tokenizer.forName(config.tokenizer());
        this.packs = packs;
    }

    /** Loads a model directory (the reference's bundle format); the model is frozen (see the class comment). */
    public static Seq2SeqModel load(Path dir) {
        ModelBundle.Loaded b = ModelBundle.load(dir);
        // Nothing else holds b.model(): its weights change only through network(), which unfreezes.
        return new Seq2SeqModel(b.config(), b.sourceVocab(), b.targetVocab(), b.model(), b.bpe(), new FrozenPacks());
    }

    /**
     * Loads a pretrained model shipped on the class path by the {@code seq2seq4j-models} artifact:
     * "g2p-en" (English grapheme-to-phoneme, CMUdict; input "t o m a t o", output ARPAbet
     * phonemes without stress "T AH M EY T OW").
     *
     * @throws InputException if no such model is on the class path
     */
    public static Seq2SeqModel pretrained(String name) {
        return PretrainedModels.load(name, PretrainedModels.defaultLoader(), Seq2SeqModel::load);
    }

    /**
     * The model directory {@code dirOrName} if it exists, else the pretrained model of that name
     * ({@link #pretrained}), so that {@code --model g2p-en} works wherever a directory does.
     */
    public static Seq2SeqModel open(String dirOrName) {
        Path dir = Path.of(dirOrName);
        if (Files.exists(dir) || !PretrainedModels.isKnown(dirOrName)) {
            return load(dir);
        }
        return pretrained(dirOrName);
    }

    /**
     * Wraps a network and its vocabularies (for example right after training). The caller keeps the
     * network and may train it further, so the model is not frozen: each call packs the weights
     * again. {@link #frozenCopy()} gives one that is.
     */
    public static Seq2SeqModel of(EncoderDecoder network, Vocabulary sourceVocab, Vocabulary targetVocab, BpeTokenizer bpe) {
        return new Seq2SeqModel(network.config(), sourceVocab, targetVocab, network, bpe, null);
    }

    /**
     * A frozen copy of this model: the same vocabularies and tokenizer and a network of its own
     * holding a copy of the current weights, which later changes to this model's network do not
     * reach. For a model that is done training and will translate many times.
     */
    public Seq2SeqModel frozenCopy() {
        EncoderDecoder copy = new EncoderDecoder(config, network.srcVocabSize(), network.tgtVocabSize());
        copy.loadStateDict(network.stateDict());
        return new Seq2SeqModel(config, sourceVocab, targetVocab, copy, bpe, new FrozenPacks());
    }

    /**
     * True while this model keeps its packed weights across calls: it was loaded or copied by
     * {@link #frozenCopy()}, and {@link #network()} has not been called since.
     */
    public boolean isFrozen() {
        return packs != null;
    }

    /** Writes the model directory atomically. */
    public void save(Path dir) {
        ModelBundle.save(dir, config, sourceVocab, targetVocab, network, bpe);
    }

    /** Greedy translation of one source. */
    public String translate(String source) {
        return translate(List.of(source), DecodeOptions.GREEDY).get(0).text();
    }

    /** Greedy translation of many sources, decoded in batches; results in input order. */
    public List<String> translate(List<String> sources) {
        List<String> out = new ArrayList<>();
        for (Translation t : translate(sources, DecodeOptions.GREEDY)) {
            out.add(t.text());
        }
        return out;
    }

    /** The best translation of each source. */
    public List<Translation> translate(List<String> sources, DecodeOptions options) {
        List<Translation> out = new ArrayList<>();
        for (List<Translation> n : nbest(sources, options)) {
            out.add(n.get(0));
        }
        return out;
    }

    /**
     * Up to {@code options.nbest()} translations per source, best first (ranked by the
     * length-normalised score; greedy decoding gives one).
     */
    public List<List<Translation>> nbest(List<String> sources, DecodeOptions options) {
        List<List<Translation>> out = new ArrayList<>();
        for (int start = 0; start < sources.size(); start += options.batchSize()) {
            List<String> chunk = sources.subList(start, Math.min(sources.size(), start + options.batchSize()));
            List<List<String>> srcTokens = new ArrayList<>();
            List<int[]> ids = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                List<String> toks = tokenizer.tokenize(chunk.get(i));
                if (toks.size() > options.maxSourceTokens()) {
                    throw new InputException("source " + (start + i + 1) + " has " + toks.size()
                            + " tokens; the maximum is " + options.maxSourceTokens() + " (raise it or split the input)");
                }
                srcTokens.add(toks);
                ids.add(sourceVocab.encode(toks));
            }
            out.addAll(decodeChunk(ids, srcTokens, options));
        }
        return out;
    }

    /**
     * Samples one output per source from the model's distribution (temperature, top-k, top-p);
     * the same seed gives the same outputs.
     */
    public List<Translation> sample(List<String> sources, io.github.seq2seq4j.decode.SamplingOptions options) {
        List<Translation> out = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        List<List<String>> toks = new ArrayList<>();
        for (String s : sources) {
            List<String> t = tokenizer.tokenize(s);
            toks.add(t);
            ids.add(sourceVocab.encode(t));
        }
        int[][] nonEmpty = ids.stream().filter(a -> a.length > 0).toArray(int[][]::new);
        Hypothesis[] hyps = nonEmpty.length == 0 ? new Hypothesis[0]
                : new io.github.seq2seq4j.decode.SamplingDecoder(network, options, packs).decode(nonEmpty);
        int k = 0;
        for (int i = 0; i < ids.size(); i++) {
            out.add(ids.get(i).length == 0 ? new Translation("", List.of(), 0.0, 0.0, false, List.of(), null)
                    : toTranslation(hyps[k++], toks.get(i), 1.0));
        }
        return out;
    }

    private List<List<Translation>> decodeChunk(List<int[]> ids, List<List<String>> srcTokens, DecodeOptions options) {
        // Empty sources are not decoded (the encoder needs a token): they translate to "" with score 0.
        List<int[]> nonEmpty = new ArrayList<>();
        for (int[] s : ids) {
            if (s.length > 0) {
                nonEmpty.add(s);
            }
        }
        int[][] batch = nonEmpty.toArray(new int[0][]);
        List<List<Hypothesis>> hyps = new ArrayList<>();
        FrozenPacks frozen = packs; // read once: the chunk is decoded with one store or none
        if (batch.length > 0) {
            if (options.beam() == 1) {
                for (Hypothesis h : new GreedyDecoder(network, options.limit(), frozen).decode(batch, options.attention())) {
                    hyps.add(List.of(h));
                }
            } else {
                hyps = new BeamSearch(network, options.beam(), options.alpha(), options.limit(), frozen)
                        .decode(batch, options.attention());
            }
        }
        List<List<Translation>> out = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < ids.size(); i++) {
            List<Translation> list = new ArrayList<>();
            if (ids.get(i).length == 0) {
                list.add(new Translation("", List.of(), 0.0, 0.0, false, List.of(), null));
            } else {
                List<Hypothesis> hs = hyps.get(k++);
                for (int n = 0; n < Math.min(options.nbest(), hs.size()); n++) {
                    list.add(toTranslation(hs.get(n), srcTokens.get(i), options.alpha()));
                }
            }
            out.add(list);
        }
        return out;
    }

    private Translation toTranslation(Hypothesis h, List<String> sourceTokens, double alpha) {
        List<String> tokens = new ArrayList<>();
        for (int id : h.tokens()) {
            tokens.add(targetVocab.token(id)); // specials other than EOS are printed literally, as the reference does
        }
        return new Translation(tokenizer.detokenize(tokens), tokens, h.score(), h.normalizedScore(alpha), h.finished(),
                List.copyOf(sourceTokens), h.attention());
    }

    /** The source split into tokens as the model sees them. */
    public List<String> sourceTokens(String source) {
        return tokenizer.tokenize(source);
    }

    /** The architecture (the bundle's config.json). */
    public ModelConfig config() {
        return config;
    }

    /**
     * The network itself, for training or inspection; its weights are shared, not copied. Whoever
     * holds it may change the weights, so from this call on the model is no longer frozen: packs
     * kept so far are dropped and every later call packs the weights again (a call already running
     * finishes with the packs it started with; changing weights during a call was never allowed).
     */
    public EncoderDecoder network() {
        packs = null; // before handing out: no call that starts after this may use the old packs
        return network;
    }

    /** The source vocabulary (src.vocab). */
    public Vocabulary sourceVocabulary() {
        return sourceVocab;
    }

    /** The target vocabulary (tgt.vocab). */
    public Vocabulary targetVocabulary() {
        return targetVocab;
    }

    /** How sources are split into tokens and outputs joined back into text. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The BPE merges, or null for char and whitespace models. */
    public BpeTokenizer bpe() {
        return bpe;
    }

    /** The number of trainable weights. */
    public long parameterCount() {
        return network.parameterCount();
    }
}
