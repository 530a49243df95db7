package io.github.seq2seq4j.data;

import io.github.seq2seq4j.InputException;
import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a {@link Batcher} stands: the next batch is number {@code batch} (from 0) of epoch
 * {@code epoch}, whose shuffling starts from RNG state {@code rngState}. Saved with a checkpoint,
 * it lets training resume with exactly the batches it would have seen. Text form (see
 * {@link #toString()} and {@link #parse}): {@code epoch=2 batch=17 rng=0x1f2e3d4c5b6a7988}.
 *
 * @param epoch    the epoch, from 0
 * @param batch    the next batch's number within the epoch, from 0
 * @param rngState the state of the shuffling generator at the start of the epoch
 */
public record BatchPosition(int epoch, long batch, long rngState) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern TEXT = Pattern.compile("epoch=(\\d+) batch=(\\d+) rng=0x([0-9a-f]{16})");

    /** Checks that epoch and batch are not negative. */
    public BatchPosition {
        if (epoch < 0 || batch < 0) {
            throw new IllegalArgumentException("negative position: epoch " + epoch + ", batch " + batch);
        }
    }

    /** Reads the text form; anything else is an {@link InputException}. */
    public static BatchPosition parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new InputException("not a batch position: \"" + text + "\" (expected epoch=N batch=N rng=0x<16 hex digits>)");
        }
        try {
            return new BatchPosition(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseUnsignedLong(m.group(3), 16));
        } catch (NumberFormatException e) {
            throw new InputException("batch position out of range: \"" + text + "\"");
        }
    }

    @Override
    public String toString() {
        return String.format("epoch=%d batch=%d rng=0x%016x", epoch, batch, rngState);
    }
}
