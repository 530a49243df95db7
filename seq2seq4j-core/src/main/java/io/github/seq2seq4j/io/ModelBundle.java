package io.github.seq2seq4j.io;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.data.BpeTokenizer;
import io.github.seq2seq4j.data.Vocabulary;
import io.github.seq2seq4j.model.AttentionType;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's model bundle directory: {@code config.json} (the architecture plus
 * {@code "format": "seq2seq4j-model/1"}), {@code src.vocab}, {@code tgt.vocab},
 * {@code weights.safetensors} (every state-dict tensor by its PyTorch name), and for the BPE
 * tokenizer {@code bpe.merges}. A bundle written by either implementation loads in the other.
 */
public final class ModelBundle {
    /** The format name a bundle's config.json carries. */
    public static final String FORMAT = "seq2seq4j-model/1";
    /** The architecture, as JSON in the reference's keys. */
    public static final String CONFIG = "config.json";
    /** The source vocabulary, one token per line, line number = id. */
    public static final String SRC_VOCAB = "src.vocab";
    /** The target vocabulary. */
    public static final String TGT_VOCAB = "tgt.vocab";
    /** The parameters by their PyTorch names, in safetensors format. */
    public static final String WEIGHTS = "weights.safetensors";
    /** The BPE merges, for models with the bpe tokenizer only. */
    public static final String BPE_MERGES = "bpe.merges";

    private static final List<String> KEYS = List.of("cell", "embedding_size", "hidden_size", "layers", "bidirectional",
            "attention", "attention_size", "dropout", "tie_output", "tokenizer");

    /** A loaded bundle; {@code bpe} is null unless the tokenizer is "bpe". */
    public record Loaded(ModelConfig config, Vocabulary sourceVocab, Vocabulary targetVocab, EncoderDecoder model,
                         BpeTokenizer bpe) {}

    private ModelBundle() {}

    /** Loads and checks a bundle; any problem is an {@link InputException} naming the file. */
    public static Loaded load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw InputException.in(dir.toString(), "not a model directory");
        }
        for (String f : List.of(CONFIG, SRC_VOCAB, TGT_VOCAB, WEIGHTS)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw InputException.in(dir.toString(), "missing " + f + " (a model directory holds "
                        + CONFIG + ", " + SRC_VOCAB + ", " + TGT_VOCAB + " and " + WEIGHTS + ")");
            }
        }
        Path configFile = dir.resolve(CONFIG);
        ModelConfig cfg = parseConfig(Json.read(configFile), configFile.toString());
        Vocabulary src = Vocabulary.read(dir.resolve(SRC_VOCAB));
        Vocabulary tgt = Vocabulary.read(dir.resolve(TGT_VOCAB));
        BpeTokenizer bpe = null;
        if (cfg.tokenizer().equals(BpeTokenizer.NAME)) {
            Path merges = dir.resolve(BPE_MERGES);
            if (!Files.isRegularFile(merges)) {
                throw InputException.in(dir.toString(), "missing " + BPE_MERGES + " (the config's tokenizer is bpe)");
            }
            bpe = BpeTokenizer.load(merges);
        }
        EncoderDecoder model = new EncoderDecoder(cfg, src.size(), tgt.size());
        Path weights = dir.resolve(WEIGHTS);
        Map<String, Tensor> found = SafeTensors.read(weights);
        Map<String, int[]> expected = new LinkedHashMap<>();
        model.stateDict().forEach((name, t) -> expected.put(name, t.shape()));
        SafeTensors.checkNamesAndShapes(weights.toString(), found, expected);
        model.loadStateDict(found);
        return new Loaded(cfg, src, tgt, model, bpe);
    }

    /**
     * Writes a bundle atomically: into a temporary sibling directory first, which then replaces
     * {@code dir}, so a reader never sees a half-written model.
     */
    public static void save(Path dir, ModelConfig cfg, Vocabulary src, Vocabulary tgt, EncoderDecoder model, BpeTokenizer bpe) {
        AtomicDirectory.replace(dir, tmp -> writeInto(tmp, cfg, src, tgt, model, bpe));
    }

    /** Writes the bundle files into an existing directory (not atomic as a whole). */
    public static void writeInto(Path dir, ModelConfig cfg, Vocabulary src, Vocabulary tgt, EncoderDecoder model,
                                 BpeTokenizer bpe) {
        try {
            Files.writeString(dir.resolve(CONFIG), Json.writePretty(configJson(cfg)));
        } catch (IOException e) {
            throw new InputException(dir.resolve(CONFIG) + ": cannot write: " + e.getMessage(), e);
        }
        src.write(dir.resolve(SRC_VOCAB));
        tgt.write(dir.resolve(TGT_VOCAB));
        if (bpe != null) {
            bpe.save(dir.resolve(BPE_MERGES));
        }
        SafeTensors.write(dir.resolve(WEIGHTS), model.stateDict());
    }

    /** config.json's object, keys in the reference's order. */
    public static Map<String, Object> configJson(ModelConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("cell", c.cell().configName());
        m.put("embedding_size", c.embeddingSize());
        m.put("hidden_size", c.hiddenSize());
        m.put("layers", c.layers());
        m.put("bidirectional", c.bidirectional());
        m.put("attention", c.attention().configName());
        m.put("attention_size", c.attentionSize());
        // the float's shortest decimal (0.3, not 0.30000001192092896); it reads back as the same float
        m.put("dropout", Double.parseDouble(Float.toString(c.dropout())));
        m.put("tie_output", c.tieOutput());
        m.put("tokenizer", c.tokenizer());
        return m;
    }

    /** Reads a config object; missing keys take the reference's defaults, unknown keys are ignored as there. */
    public static ModelConfig parseConfig(Object json, String file) {
        if (!(json instanceof Map<?, ?> raw)) {
            throw InputException.in(file, "expected a JSON object");
        }
        Object format = raw.get("format");
        if (format != null && !FORMAT.equals(format)) {
            throw InputException.in(file, "unsupported format '" + format + "' (expected " + FORMAT + ")");
        }
        ModelConfig d = ModelConfig.defaults();
        try {
            String tokenizer = string(raw, "tokenizer", d.tokenizer(), file);
            if (!List.of("char", "whitespace", BpeTokenizer.NAME).contains(tokenizer)) {
                throw InputException.in(file, "unknown tokenizer '" + tokenizer + "' (expected char, whitespace or bpe)");
            }
            return new ModelConfig(
                    CellType.parse(string(raw, "cell", d.cell().configName(), file)),
                    integer(raw, "embedding_size", d.embeddingSize(), file),
                    integer(raw, "hidden_size", d.hiddenSize(), file),
                    integer(raw, "layers", d.layers(), file),
                    bool(raw, "bidirectional", d.bidirectional(), file),
                    AttentionType.parse(string(raw, "attention", d.attention().configName(), file)),
                    integer(raw, "attention_size", d.attentionSize(), file),
                    (float) number(raw, "dropout", d.dropout(), file),
                    bool(raw, "tie_output", d.tieOutput(), file),
                    tokenizer);
        } catch (IllegalArgumentException e) { // invalid values from the enums and ModelConfig's checks
            throw InputException.in(file, e.getMessage());
        }
    }

    /** The config keys the reference knows. */
    public static List<String> keys() {
        return KEYS;
    }

    private static String string(Map<?, ?> m, String key, String dflt, String file) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof String s)) {
            throw InputException.in(file, key + " must be a string, got " + Json.write(v));
        }
        return s;
    }

    private static int integer(Map<?, ?> m, String key, int dflt, String file) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Long l) || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw InputException.in(file, key + " must be an integer, got " + Json.write(v));
        }
        return (int) (long) l;
    }

    private static double number(Map<?, ?> m, String key, double dflt, String file) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n)) {
            throw InputException.in(file, key + " must be a number, got " + Json.write(v));
        }
        return n.doubleValue();
    }

    private static boolean bool(Map<?, ?> m, String key, boolean dflt, String file) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Boolean b)) {
            throw InputException.in(file, key + " must be true or false, got " + Json.write(v));
        }
        return b;
    }
}
