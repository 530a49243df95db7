package io.github.seq2seq4j.io;

import java.nio.ByteBuffer;

/**
 * The safetensors element types this reader accepts. F32 is what bundles hold; F16 and BF16 are
 * widened to float32 on load, which is exact (every half or bfloat16 value is a float32), so weights
 * published in those types load unchanged. F64 and integer types are refused: narrowing would
 * silently lose precision or change meaning.
 */
enum StoredDtype {
    F32(4),
    F16(2),
    BF16(2);

    final int bytes;

    StoredDtype(int bytes) {
        this.bytes = bytes;
    }

    /** The dtype named in a header, or null if unsupported. */
    static StoredDtype of(String name) {
        for (StoredDtype d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** Converts {@code count} elements from a little-endian buffer into {@code dst[at...]}. */
    void decode(ByteBuffer src, float[] dst, int at, int count) {
        switch (this) {
            case F32:
                src.asFloatBuffer().get(dst, at, count);
                src.position(src.position() + 4 * count);
                break;
            case F16:
                for (int i = 0; i < count; i++) {
                    dst[at + i] = halfToFloat(src.getShort());
                }
                break;
            case BF16:
                for (int i = 0; i < count; i++) {
                    dst[at + i] = Float.intBitsToFloat((src.getShort() & 0xffff) << 16);
                }
                break;
            default:
                throw new AssertionError(this);
        }
    }

    /** IEEE 754 binary16 to float32, exact for normals, subnormals, infinities and NaN payloads. */
    static float halfToFloat(short h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp != 0) {
            return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
        }
        if (mant == 0) {
            return Float.intBitsToFloat(sign);
        }
        float magnitude = mant * 0x1p-24f;                 // subnormal: mant * 2^-24, exact in float32
        return sign != 0 ? -magnitude : magnitude;
    }
}
