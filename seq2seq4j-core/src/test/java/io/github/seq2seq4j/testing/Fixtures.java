package io.github.seq2seq4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.seq2seq4j.io.SafeTensors;
import io.github.seq2seq4j.tensor.Shape;
import io.github.seq2seq4j.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Golden fixtures generated from the PyTorch reference by {@code tools/make_fixtures.sh} into
 * {@code src/test/resources/fixtures/} (see its README.md and index.json for what each file holds),
 * and a tolerance comparison that says where and by how much two tensors differ.
 */
public final class Fixtures {
    private static final String ROOT = "/fixtures/";

    private Fixtures() {}

    /** The file of a fixture, e.g. {@code "rnn/gru_bi2.safetensors"} or {@code "models/src.txt"}. */
    public static Path path(String name) {
        URL url = Fixtures.class.getResource(ROOT + name);
        if (url == null) {
            fail("fixture '" + name + "' not found under src/test/resources" + ROOT + " (regenerate with tools/make_fixtures.sh)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All tensors of a safetensors fixture, in file order. */
    public static LinkedHashMap<String, Tensor> load(String name) {
        return SafeTensors.read(path(name));
    }

    /** One tensor of a loaded fixture; a missing name fails listing the names there are. */
    public static Tensor tensor(Map<String, Tensor> fixture, String name) {
        Tensor t = fixture.get(name);
        if (t == null) {
            fail("no tensor '" + name + "' in the fixture; it has " + fixture.keySet());
        }
        return t;
    }

    /** A text fixture (UTF-8). */
    public static String text(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text fixture split at '\n' as Python's {@code for line in file} does, without the terminators. */
    public static List<String> lines(String name) {
        String text = text(name);
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }

    /** Where two tensors differ most, relative to what the tolerance allows. */
    public record Mismatch(int count, int worstFlat, int[] worstIndex, float expected, float actual) {}

    /**
     * Compares element by element with {@code |actual - expected| <= atol + rtol * |expected|}
     * (numpy's allclose); NaN matches only NaN and an infinity only itself. Returns null if all pass.
     */
    public static Mismatch compare(Tensor expected, Tensor actual, double atol, double rtol) {
        int count = 0;
        int worst = -1;
        double worstRatio = -1;
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.at(i);
            double a = actual.at(i);
            double ratio = excess(e, a, atol, rtol);
            if (ratio > 1) {
                count++;
                if (ratio > worstRatio) {
                    worstRatio = ratio;
                    worst = i;
                }
            }
        }
        if (count == 0) {
            return null;
        }
        return new Mismatch(count, worst, unflatten(expected.shape(), worst), expected.at(worst), actual.at(worst));
    }

    /** |diff| over the allowance: above 1 fails; infinite for NaN or infinity mismatches. */
    private static double excess(double e, double a, double atol, double rtol) {
        if (Double.isNaN(e) || Double.isNaN(a)) {
            return Double.isNaN(e) && Double.isNaN(a) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(e) || Double.isInfinite(a)) {
            return e == a ? 0 : Double.POSITIVE_INFINITY;
        }
        double allowed = atol + rtol * Math.abs(e);
        double diff = Math.abs(a - e);
        return allowed > 0 ? diff / allowed : (diff == 0 ? 0 : Double.POSITIVE_INFINITY);
    }

    public static void assertClose(Tensor expected, Tensor actual, double atol, double rtol) {
        assertClose("tensor", expected, actual, atol, rtol);
    }

    /** Fails naming {@code what}, the number of bad elements, the worst one's index and both values. */
    public static void assertClose(String what, Tensor expected, Tensor actual, double atol, double rtol) {
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            fail(what + ": expected shape " + Shape.str(expected.shape()) + " but got " + Shape.str(actual.shape()));
        }
        Mismatch m = compare(expected, actual, atol, rtol);
        if (m != null) {
            fail(String.format("%s: %d of %d elements outside |actual - expected| <= %.1e + %.1e * |expected|; "
                            + "worst at %s: expected %.9g, actual %.9g (|diff| %.3e); shape %s",
                    what, m.count(), expected.size(), atol, rtol, Arrays.toString(m.worstIndex()), m.expected(),
                    m.actual(), Math.abs((double) m.actual() - m.expected()), Shape.str(expected.shape())));
        }
    }

    /** The same for plain arrays, treated as vectors. */
    public static void assertClose(String what, float[] expected, float[] actual, double atol, double rtol) {
        assertClose(what, Tensor.of(expected, expected.length), Tensor.of(actual, actual.length), atol, rtol);
    }

    private static int[] unflatten(int[] shape, int flat) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }
}
