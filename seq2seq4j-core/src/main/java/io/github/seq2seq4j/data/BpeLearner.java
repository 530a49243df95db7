package io.github.seq2seq4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Learns BPE merges from word counts (Sennrich, Haddow and Birch 2016): start from characters,
 * repeatedly merge the most frequent adjacent pair of symbols inside words, weighting each word by
 * its count, and record the pair as the next merge.
 *
 * <p><b>Tie-breaking.</b> Among pairs of equal count the one whose left symbol is smallest in code
 * point order wins, then the smallest right symbol; so the result depends only on the word counts,
 * not on input order or hashing. Learning stops after the requested number of merges or when the
 * best pair occurs fewer than {@code minFrequency} times.
 *
 * <p><b>Speed.</b> Pair counts are kept incrementally: a merge only revisits the words that
 * contain the pair (an index from pair to words), and the next best pair comes from a priority
 * queue whose outdated entries are skipped when they surface. The cost of a merge is proportional
 * to the words it touches, not to the corpus.
 */
public final class BpeLearner {
    private final Map<String, Long> wordCounts = new HashMap<>();

    /** Counts the words of one line of text, as {@link BpeTokenizer} will split it. */
    public BpeLearner addText(String text) {
        for (String w : BpeTokenizer.words(text)) {
            wordCounts.merge(w, 1L, Long::sum);
        }
        return this;
    }

    /** Counts already split tokens (each is split again if it holds white space or U+2581). */
    public BpeLearner addWords(List<String> words) {
        for (String token : words) {
            addText(token);
        }
        return this;
    }

    /** Learns at most {@code merges} merges of pairs seen at least twice. */
    public BpeTokenizer learn(int merges) {
        return learn(merges, 2);
    }

    /** Learns at most {@code merges} merges of pairs seen at least {@code minFrequency} times. */
    public BpeTokenizer learn(int merges, long minFrequency) {
        if (merges < 0 || minFrequency < 1) {
            throw new IllegalArgumentException("need merges >= 0 and minFrequency >= 1, got " + merges + ", " + minFrequency);
        }
        return new BpeTokenizer(new Run(wordCounts).learn(merges, minFrequency));
    }

    /** The state of one learning run: words as symbol-id arrays, pair counts, pair-to-word index. */
    private static final class Run {
        private final List<String> symbols = new ArrayList<>();
        private final Map<String, Integer> symbolIds = new HashMap<>();
        private final int[][] words;
        private final long[] counts;
        private final int[] stamp;
        private final Map<Long, PairStat> pairs = new HashMap<>();
        private final PriorityQueue<Candidate> queue = new PriorityQueue<>(this::compare);

        Run(Map<String, Long> wordCounts) {
            List<String> sorted = new ArrayList<>(wordCounts.keySet());
            sorted.sort(CodePointOrder.COMPARATOR); // fixed ids: the run does not depend on hashing
            words = new int[sorted.size()][];
            counts = new long[sorted.size()];
            stamp = new int[sorted.size()];
            for (int w = 0; w < words.length; w++) {
                List<String> chars = BpeTokenizer.initialSymbols(sorted.get(w));
                int[] seq = new int[chars.size()];
                for (int i = 0; i < seq.length; i++) {
                    seq[i] = symbolId(chars.get(i));
                }
                words[w] = seq;
                counts[w] = wordCounts.get(sorted.get(w));
                for (int i = 0; i + 1 < seq.length; i++) {
                    PairStat stat = stat(pairKey(seq[i], seq[i + 1]));
                    stat.count += counts[w];
                    stat.addWord(w);
                }
            }
            pairs.forEach((key, stat) -> queue.add(new Candidate(key, stat.count)));
        }

        List<BpeTokenizer.Merge> learn(int maxMerges, long minFrequency) {
            List<BpeTokenizer.Merge> out = new ArrayList<>();
            Set<Long> recorded = new HashSet<>();
            int step = 0;
            while (out.size() < maxMerges) {
                Candidate top = queue.poll();
                if (top == null) {
                    break;
                }
                PairStat stat = pairs.get(top.key);
                if (stat == null || stat.count != top.count) {
                    continue; // outdated entry
                }
                if (top.count < minFrequency) {
                    break;
                }
                mergeEverywhere(top.key, stat, ++step);
                // the same pair can be re-formed later through another merge path; record it once
                if (recorded.add(top.key)) {
                    out.add(new BpeTokenizer.Merge(symbols.get(left(top.key)), symbols.get(right(top.key))));
                }
            }
            return out;
        }

        private void mergeEverywhere(long key, PairStat stat, int step) {
            int a = left(key);
            int b = right(key);
            int c = symbolId(symbols.get(a) + symbols.get(b));
            Map<Long, Long> delta = new HashMap<>();
            // the index of (a,b) does not grow below: only pairs holding c are indexed here
            for (int k = 0; k < stat.size; k++) {
                int w = stat.words[k];
                if (stamp[w] == step) {
                    continue;
                }
                stamp[w] = step;
                int[] seq = words[w];
                int[] merged = merge(seq, a, b, c);
                if (merged == seq) {
                    continue; // stale index entry
                }
                long n = counts[w];
                for (int i = 0; i + 1 < seq.length; i++) {
                    delta.merge(pairKey(seq[i], seq[i + 1]), -n, Long::sum);
                }
                for (int i = 0; i + 1 < merged.length; i++) {
                    long p = pairKey(merged[i], merged[i + 1]);
                    delta.merge(p, n, Long::sum);
                    if (merged[i] == c || merged[i + 1] == c) {
                        stat(p).addWord(w);
                    }
                }
                words[w] = merged;
            }
            delta.forEach((p, d) -> {
                if (d == 0) {
                    return;
                }
                PairStat s = stat(p);
                s.count += d;
                if (s.count == 0) {
                    pairs.remove(p);
                } else {
                    queue.add(new Candidate(p, s.count));
                }
            });
        }

        /** {@code seq} with every (a,b) replaced by c, left to right; {@code seq} itself if none. */
        private static int[] merge(int[] seq, int a, int b, int c) {
            int[] out = null;
            int n = 0;
            for (int i = 0; i < seq.length; i++) {
                if (i + 1 < seq.length && seq[i] == a && seq[i + 1] == b) {
                    if (out == null) {
                        out = Arrays.copyOf(seq, seq.length - 1);
                        n = i;
                    }
                    out[n++] = c;
                    i++;
                } else if (out != null) {
                    out[n++] = seq[i];
                }
            }
            return out == null ? seq : Arrays.copyOf(out, n);
        }

        private int compare(Candidate x, Candidate y) {
            if (x.count != y.count) {
                return Long.compare(y.count, x.count);
            }
            int byLeft = CodePointOrder.compare(symbols.get(left(x.key)), symbols.get(left(y.key)));
            return byLeft != 0 ? byLeft
                    : CodePointOrder.compare(symbols.get(right(x.key)), symbols.get(right(y.key)));
        }

        private int symbolId(String symbol) {
            Integer id = symbolIds.get(symbol);
            if (id == null) {
                id = symbols.size();
                symbols.add(symbol);
                symbolIds.put(symbol, id);
            }
            return id;
        }

        private PairStat stat(long key) {
            return pairs.computeIfAbsent(key, k -> new PairStat());
        }

        private static long pairKey(int a, int b) {
            return ((long) a << 32) | (b & 0xFFFFFFFFL);
        }

        private static int left(long key) {
            return (int) (key >>> 32);
        }

        private static int right(long key) {
            return (int) key;
        }
    }

    /** Current count of a pair and the words that may hold it (duplicates and stale entries allowed). */
    private static final class PairStat {
        long count;
        int[] words = new int[2];
        int size;

        void addWord(int w) {
            if (size > 0 && words[size - 1] == w) {
                return;
            }
            if (size == words.length) {
                words = Arrays.copyOf(words, size * 2);
            }
            words[size++] = w;
        }
    }

    /** A queue entry: the pair's count when it was queued. */
    private record Candidate(long key, long count) {}
}
