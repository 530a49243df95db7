package io.github.seq2seq4j.data;

import io.github.seq2seq4j.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bijection between tokens and ids. Ids 0..3 are the specials {@code <pad> <unk> <s> </s>}
 * ({@link #PAD}, {@link #UNK}, {@link #BOS}, {@link #EOS}), as in the reference.
 *
 * <p><b>Order.</b> {@link #build} sorts tokens by count, highest first, and breaks ties by code
 * point order of the token (Python's {@code sorted} order), so the same counts always give the same
 * ids, in Java or elsewhere.
 *
 * <p><b>File format</b> (the reference's {@code src.vocab}/{@code tgt.vocab}): UTF-8, one token per
 * line, the line number minus one is the id, every line ends with {@code \n}. Tokens are stored as
 * the tokenizer produced them, so the char tokenizer's space is U+2581 in the file.
 */
public final class Vocabulary {
    /** The id of {@code <pad>}, which fills batches to equal length. */
    public static final int PAD = 0;
    /** The id of {@code <unk>}, which stands for every token not in the vocabulary. */
    public static final int UNK = 1;
    /** The id of {@code <s>}, the start of sentence. */
    public static final int BOS = 2;
    /** The id of {@code </s>}, the end of sentence. */
    public static final int EOS = 3;
    /** The special tokens, in id order. */
    public static final List<String> SPECIALS = List.of("<pad>", "<unk>", "<s>", "</s>");

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = Collections.unmodifiableList(new ArrayList<>(tokens));
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
    }

    /**
     * The vocabulary with exactly these tokens in id order; the list must start with
     * {@link #SPECIALS} and hold no duplicate or empty token and no line break.
     */
    public static Vocabulary of(List<String> tokens) {
        if (tokens.size() < SPECIALS.size()) {
            throw new IllegalArgumentException("a vocabulary starts with the specials " + SPECIALS + ", got " + tokens);
        }
        for (int i = 0; i < tokens.size(); i++) {
            String problem = problem(tokens, i);
            if (problem != null) {
                throw new IllegalArgumentException("token " + i + ": " + problem);
            }
        }
        checkDistinct(tokens, (i, first) -> new IllegalArgumentException(
                "token " + i + " \"" + tokens.get(i) + "\" repeats token " + first));
        return new Vocabulary(tokens);
    }

    /**
     * The specials followed by every token seen at least {@code minFrequency} times, most frequent
     * first (ties in code point order), cut so that the whole vocabulary, specials included, has at
     * most {@code maxSize} entries. Counts of tokens spelled like a special are ignored.
     */
    public static Vocabulary build(Map<String, Long> counts, long minFrequency, int maxSize) {
        if (maxSize < SPECIALS.size()) {
            throw new IllegalArgumentException("maxSize " + maxSize + " cannot hold the " + SPECIALS.size() + " specials");
        }
        List<Map.Entry<String, Long>> kept = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() >= minFrequency && !SPECIALS.contains(e.getKey())) {
                kept.add(e);
            }
        }
        kept.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey, CodePointOrder.COMPARATOR));
        List<String> tokens = new ArrayList<>(SPECIALS);
        for (int i = 0; i < kept.size() && tokens.size() < maxSize; i++) {
            tokens.add(kept.get(i).getKey());
        }
        return of(tokens);
    }

    /** {@link #build(Map, long, int)} from gathered counts. */
    public static Vocabulary build(TokenCounts counts, long minFrequency, int maxSize) {
        return build(counts.asMap(), minFrequency, maxSize);
    }

    /** Reads a vocabulary file; a bad line is an {@link InputException} naming the file and line. */
    public static Vocabulary read(Path file) {
        List<String> tokens = new ArrayList<>();
        try (LineReader in = LineReader.open(file)) {
            for (String line; (line = in.readLine()) != null; ) {
                tokens.add(line);
                String problem = problem(tokens, tokens.size() - 1);
                if (problem != null) {
                    throw InputException.at(in.name(), in.lineNumber(), problem);
                }
            }
        }
        if (tokens.size() < SPECIALS.size()) {
            throw InputException.at(file.toString(), tokens.size() + 1L,
                    "vocabulary ends early: expected " + SPECIALS.get(tokens.size()));
        }
        checkDistinct(tokens, (i, first) -> InputException.at(file.toString(), i + 1L,
                "token \"" + tokens.get(i) + "\" already on line " + (first + 1)));
        return new Vocabulary(tokens);
    }

    /** Writes the file format described above. */
    public void write(Path file) {
        StringBuilder text = new StringBuilder();
        for (String t : tokens) {
            text.append(t).append('\n');
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Entries, the four specials included. */
    public int size() {
        return tokens.size();
    }

    /** The id of a token, {@link #UNK} if absent. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? UNK : id;
    }

    /** True if {@code token} has its own id (is not mapped to {@link #UNK}). */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** The token of an id. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** All tokens in id order (read-only). */
    public List<String> tokens() {
        return tokens;
    }

    /** The ids of tokens, unknown ones as {@link #UNK}. */
    public int[] encode(List<String> tokens) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(tokens.get(i));
        }
        return out;
    }

    /** The tokens of decoder output: stops at the first {@link #EOS}, skips {@link #PAD} and {@link #BOS}. */
    public List<String> decode(int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            if (id == EOS) {
                break;
            }
            if (id != PAD && id != BOS) {
                out.add(tokens.get(id));
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary && ((Vocabulary) o).tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary(" + tokens.size() + " tokens)";
    }

    /** What is wrong with token i given the tokens before it, or null. */
    private static String problem(List<String> tokens, int i) {
        String t = tokens.get(i);
        if (i < SPECIALS.size()) {
            return t.equals(SPECIALS.get(i)) ? null
                    : "expected the special token " + SPECIALS.get(i) + " for id " + i + ", found \"" + t + "\"";
        }
        if (t.isEmpty()) {
            return "empty token";
        }
        if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            return "token holds a line break";
        }
        return null;
    }

    private interface Duplicate {
        RuntimeException error(int index, int first);
    }

    private static void checkDistinct(List<String> tokens, Duplicate error) {
        Map<String, Integer> first = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            Integer prev = first.putIfAbsent(tokens.get(i), i);
            if (prev != null) {
                throw error.error(i, prev);
            }
        }
    }
}
