package io.github.seq2seq4j.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double (nearest of
 * the shortest if there are two), in exponent form when the decimal point falls more than 16 digits
 * right or 4 left of the first digit ({@code 1e+16}, {@code 1e-05}), else fixed with at least one
 * decimal ({@code 100.0}). JDK 17's {@code Double.toString} is not always shortest and formats
 * differently, hence this.
 */
final class PythonFloat {
    private PythonFloat() {}

    static String repr(double v) {
        return format(v, false);
    }

    /** A float as the shortest decimal that reads back as the same float (Python has no float32). */
    static String repr(float v) {
        return format(v, true);
    }

    private static String format(double v, boolean single) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("JSON cannot represent " + v);
        }
        if (v == 0) {
            return (Double.doubleToRawLongBits(v) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(new BigDecimal(v), v, single).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int decpt = digits.length() - shortest.scale();   // value = 0.<digits> * 10^decpt
        String sign = v < 0 ? "-" : "";
        if (decpt > 16 || decpt < -3) {
            int exp = decpt - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        if (decpt <= 0) {
            return sign + "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt < digits.length()) {
            return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
    }

    /** Tries both neighbours at each precision: near a power of two only the farther one may read back. */
    private static BigDecimal shortest(BigDecimal exact, double v, boolean single) {
        for (int p = 1; p <= 17; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
            boolean downOk = readsBack(down, v, single);
            boolean upOk = readsBack(up, v, single);
            if (downOk && upOk) {
                int cmp = exact.subtract(down).abs().compareTo(up.subtract(exact).abs());
                return cmp < 0 ? down : cmp > 0 ? up : exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        return exact.round(MathContext.DECIMAL64);   // unreachable: 17 digits always read back
    }

    private static boolean readsBack(BigDecimal d, double v, boolean single) {
        return single ? d.floatValue() == (float) v : d.doubleValue() == v;
    }
}
