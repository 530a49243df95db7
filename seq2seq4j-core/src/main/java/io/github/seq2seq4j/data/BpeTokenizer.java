package io.github.seq2seq4j.data;

import io.github.seq2seq4j.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-pair encoding (Sennrich, Haddow and Birch 2016): words are split into characters, then the
 * learned merges are applied, lowest rank first, until no learned pair is left.
 *
 * <p><b>Marker scheme.</b> The first symbol of every word carries the word-start marker
 * {@link #WORD_START} (U+2581, the same stand-in for a space that the char tokenizer uses):
 * "lower newer" may become {@code ▁low er ▁new er}. Detokenizing concatenates the tokens, turns
 * each U+2581 into a space and drops the leading space. Words are found as the whitespace
 * tokenizer finds them (Python's {@code str.split()}), and U+2581 itself also separates words, so
 * detokenize(tokenize(t)) == t for every text whose words are separated by single spaces, with no
 * leading or trailing white space and no U+2581; other white space is normalized to one space.
 *
 * <p><b>Merges file</b> ({@code bpe.merges}): UTF-8, a header line {@value #HEADER}, then one merge
 * per line in rank order, the two symbols separated by one space. Symbols never contain white
 * space, so the format is unambiguous.
 */
public final class BpeTokenizer implements Tokenizer {
    /** The configuration name. */
    public static final String NAME = "bpe";
    /** Marks the first symbol of a word. */
    public static final String WORD_START = "\u2581";
    /** The first line of a merges file. */
    public static final String HEADER = "#version: seq2seq4j-bpe/1";

    private static final int CACHE_LIMIT = 1 << 16;

    /** One learned merge: the adjacent symbols {@code left right} become {@code left + right}. */
    public record Merge(String left, String right) {
        public Merge {
            check(left, true);
            check(right, false);
        }

        private static void check(String symbol, boolean mayStartWord) {
            if (symbol.isEmpty()) {
                throw new IllegalArgumentException("empty symbol");
            }
            int marker = symbol.lastIndexOf(WORD_START);
            if (marker > 0 || (marker == 0 && !mayStartWord)) {
                throw new IllegalArgumentException("word-start marker inside symbol \"" + symbol + "\"");
            }
            for (int i = 0; i < symbol.length(); i++) {
                if (Whitespace.isSpace(symbol.charAt(i))) {
                    throw new IllegalArgumentException("white space in symbol \"" + symbol + "\"");
                }
            }
        }

        /** The merged symbol. */
        public String merged() {
            return left + right;
        }
    }

    private final List<Merge> merges;
    private final Map<String, Integer> ranks;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    /** A tokenizer applying {@code merges} in the given rank order; duplicates are rejected. */
    public BpeTokenizer(List<Merge> merges) {
        this.merges = List.copyOf(merges);
        this.ranks = new HashMap<>(merges.size() * 2);
        for (int i = 0; i < this.merges.size(); i++) {
            Merge m = this.merges.get(i);
            if (ranks.putIfAbsent(key(m.left(), m.right()), i) != null) {
                throw new IllegalArgumentException("duplicate merge \"" + m.left() + " " + m.right() + "\"");
            }
        }
    }

    /** Reads a merges file written by {@link #save}; any malformed line is an InputException with file:line. */
    public static BpeTokenizer load(Path file) {
        List<Merge> merges = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (LineReader in = LineReader.open(file)) {
            String header = in.readLine();
            if (header == null || !header.equals(HEADER)) {
                throw InputException.at(in.name(), 1, "not a BPE merges file: expected the header \"" + HEADER + "\"");
            }
            for (String line; (line = in.readLine()) != null; ) {
                int space = line.indexOf(' ');
                if (space < 0 || line.indexOf(' ', space + 1) >= 0) {
                    throw InputException.at(in.name(), in.lineNumber(),
                            "expected two symbols separated by one space, found \"" + line + "\"");
                }
                Merge merge;
                try {
                    merge = new Merge(line.substring(0, space), line.substring(space + 1));
                } catch (IllegalArgumentException e) {
                    throw InputException.at(in.name(), in.lineNumber(), e.getMessage());
                }
                Long first = seen.putIfAbsent(line, in.lineNumber());
                if (first != null) {
                    throw InputException.at(in.name(), in.lineNumber(), "duplicate merge \"" + line
                            + "\" (first on line " + first + ")");
                }
                merges.add(merge);
            }
        }
        return new BpeTokenizer(merges);
    }

    /** Writes the merges file (see the class comment for the format). */
    public void save(Path file) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Merge m : merges) {
            text.append(m.left()).append(' ').append(m.right()).append('\n');
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The merges in rank order (rank 0 first). */
    public List<Merge> merges() {
        return merges;
    }

    @Override
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (String word : words(text)) {
            out.addAll(segment(word));
        }
        return out;
    }

    @Override
    public String detokenize(List<String> tokens) {
        String text = String.join("", tokens).replace(WORD_START, " ");
        return text.startsWith(" ") ? text.substring(1) : text;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String toString() {
        return NAME + "(" + merges.size() + " merges)";
    }

    /** The subword symbols of one word (no white space, no marker inside), the first marked. */
    public List<String> segment(String word) {
        if (word.isEmpty()) {
            return List.of();
        }
        List<String> cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        List<String> symbols = initialSymbols(word);
        while (symbols.size() > 1) {
            int best = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = ranks.get(key(symbols.get(i), symbols.get(i + 1)));
                if (rank != null && rank < best) {
                    best = rank;
                }
            }
            if (best == Integer.MAX_VALUE) {
                break;
            }
            symbols = mergeAll(symbols, merges.get(best));
        }
        List<String> result = List.copyOf(symbols);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear(); // crude bound; segmenting again is cheap
        }
        cache.put(word, result);
        return result;
    }

    /** The words of a line: Python's {@code str.split()}, then split again at every U+2581. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Whitespace.split(text)) {
            if (w.indexOf(WORD_START) < 0) {
                out.add(w);
                continue;
            }
            for (String part : w.split(WORD_START, -1)) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /** The characters (code points) of a word, the first one marked as a word start. */
    static List<String> initialSymbols(String word) {
        List<String> out = new ArrayList<>(word.length());
        word.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
        out.set(0, WORD_START + out.get(0));
        return out;
    }

    /** Merges every occurrence of the pair, scanning left to right (as the learner does). */
    private static List<String> mergeAll(List<String> symbols, Merge m) {
        List<String> out = new ArrayList<>(symbols.size());
        String merged = m.merged();
        for (int i = 0; i < symbols.size(); i++) {
            if (i + 1 < symbols.size() && symbols.get(i).equals(m.left()) && symbols.get(i + 1).equals(m.right())) {
                out.add(merged);
                i++;
            } else {
                out.add(symbols.get(i));
            }
        }
        return out;
    }

    private static String key(String left, String right) {
        return left + ' ' + right;
    }
}
