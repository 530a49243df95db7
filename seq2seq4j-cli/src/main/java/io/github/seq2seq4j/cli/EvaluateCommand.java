package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.cli.evaluate.Scores;
import io.github.seq2seq4j.cli.evaluate.TestSet;
import io.github.seq2seq4j.cli.evaluate.TextLines;
import io.github.seq2seq4j.decode.DecodeOptions;
import io.github.seq2seq4j.decode.LengthLimit;
import io.github.seq2seq4j.eval.Metric;
import io.github.seq2seq4j.eval.Metrics;
import io.github.seq2seq4j.eval.ReferenceSets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code seq2seq4j evaluate}: scores translations, given as a file or decoded from a test set. */
@Command(
        name = "evaluate",
        header = "Score translations (BLEU, chrF, WER, CER, PER, accuracy).",
        description = {
            "Score a hypothesis file against one or more reference files (line i of each reference file"
                + " is a reference of hypothesis line i), or decode a TSV test set with a model and score the"
                + " output. In a test set, a source on several lines counts those targets as alternative "
                + "references: scores are over distinct sources. Scores are in percent. Metrics: bleu "
                + "(sacreBLEU corpus BLEU), chrf, chrf++, wer, cer, per (phoneme error rate against the "
                + "closest reference), ser (sequence error rate: outputs matching no reference), acc (exact match "
                + "with any reference).",
            "",
            "wer is the word-level edit distance on text. When every test source is one word spelled "
                + "letter by letter (\"t o m a t o\", as in grapheme-to-phoneme or transliteration data), "
                + "wer follows that field's convention instead: the percentage of words whose output equals "
                + "none of their references (= ser), as the CMUdict README defines it. --scoring chooses "
                + "explicitly."
        },
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
            "  seq2seq4j evaluate --hyp out.txt --ref ref.txt --metrics bleu,chrf",
            "  seq2seq4j evaluate --hyp out.txt --ref ref1.txt --ref ref2.txt --json",
            "  seq2seq4j evaluate --model models/g2p-en-cmudict --test dev.tsv --beam 5 --metrics wer,per"
        })
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--hyp", paramLabel = "FILE", description = "Hypotheses, one per line.")
    Path hyp;

    @Option(names = "--ref", paramLabel = "FILE", description = "References, line-aligned with --hyp; repeat for more references.")
    List<Path> refs = new ArrayList<>();

    @Option(names = "--model", paramLabel = "DIR", description = "Decode --test with this model instead of reading --hyp.")
    Path model;

    @Option(names = "--test", paramLabel = "FILE", description = "A source<TAB>target test set, for --model.")
    Path test;

    @Option(names = "--beam", paramLabel = "K", defaultValue = "1", description = "With --model: beam size (1 = greedy). Default: ${DEFAULT-VALUE}.")
    int beam;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "1.0", description = "With --model: length-penalty exponent. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64", description = "With --model: sentences decoded together. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--metrics", paramLabel = "LIST", defaultValue = "bleu,chrf",
            description = "Comma-separated metrics: bleu, chrf, chrf++, wer, cer, per, ser, acc. Default: ${DEFAULT-VALUE}.")
    String metrics;

    @Option(names = "--scoring", paramLabel = "auto|text|words", defaultValue = "auto",
            description = "What wer counts: text = word edits over words of the output; words = wrong words "
                    + "when each source is one spelled word (G2P); auto = words when every --test source is "
                    + "spelled letter by letter, else text. Default: ${DEFAULT-VALUE}.")
    String scoring;

    @Option(names = "--json", description = "Print one JSON object, {\"bleu\": 48.530827, ...}.")
    boolean json;

    @Override
    public Integer call() {
        if (!List.of("auto", "text", "words").contains(scoring)) {
            throw new ParameterException(spec.commandLine(), "--scoring: expected auto, text or words, got '" + scoring + "'");
        }
        try {
            Metrics.parseList(metrics);
        } catch (InputException e) {
            throw new ParameterException(spec.commandLine(), "--metrics: " + e.getMessage());
        }
        boolean files = hyp != null || !refs.isEmpty();
        boolean decode = model != null || test != null;
        if (files == decode) {
            throw new ParameterException(spec.commandLine(), "give --hyp FILE with --ref FILE, or --model DIR with --test FILE");
        }
        List<String> hypotheses;
        List<List<String>> references;
        List<String> sources = List.of();
        String note;
        if (files) {
            if (hyp == null || refs.isEmpty()) {
                throw new ParameterException(spec.commandLine(), hyp == null ? "--ref needs --hyp FILE" : "--hyp needs at least one --ref FILE");
            }
            hypotheses = TextLines.read(hyp);
            List<List<String>> streams = new ArrayList<>();
            for (Path r : refs) {
                List<String> lines = TextLines.read(r);
                if (lines.size() != hypotheses.size()) {
                    throw new InputException(hyp + " has " + hypotheses.size() + " lines but " + r + " has " + lines.size()
                            + "; hypotheses and references must be line-aligned");
                }
                streams.add(lines);
            }
            references = ReferenceSets.fromStreams(streams);
            note = hypotheses.size() + (hypotheses.size() == 1 ? " segment, " : " segments, ") + refs.size()
                    + (refs.size() == 1 ? " reference each" : " references each");
        } else {
            if (model == null || test == null) {
                throw new ParameterException(spec.commandLine(), model == null ? "--test needs --model DIR" : "--model needs --test FILE");
            }
            if (beam < 1 || batchSize < 1) {
                throw new ParameterException(spec.commandLine(), "--beam and --batch-size must be >= 1");
            }
            TestSet set = TestSet.read(test);
            Seq2SeqModel m = Seq2SeqModel.open(model.toString());
            DecodeOptions options = new DecodeOptions(beam, alpha, 1, false, LengthLimit.DEFAULT, Integer.MAX_VALUE, batchSize);
            hypotheses = new ArrayList<>();
            for (Translation t : m.translate(set.sources(), options)) {
                hypotheses.add(t.text());
            }
            references = set.references();
            note = set.sources().size() + " distinct sources (" + set.lines() + " lines), "
                    + (beam == 1 ? "greedy decoding" : "beam " + beam + ", alpha " + alpha);
            sources = set.sources();
        }
        boolean words = scoring.equals("words") || (scoring.equals("auto") && Metrics.spelledWords(sources));
        List<Metric> chosen = Metrics.parseList(metrics, words);
        if (words && chosen.stream().anyMatch(m -> m.name().equals("wer"))) {
            note += "; wer counts words whose output matches none of their references (spelled-word scoring)";
        }
        Scores scores = Scores.compute(chosen, hypotheses, references);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(scores.json());
        } else {
            out.print(scores.table(note));
        }
        out.flush();
        return 0;
    }
}
