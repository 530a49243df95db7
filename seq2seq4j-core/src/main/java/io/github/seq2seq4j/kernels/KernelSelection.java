package io.github.seq2seq4j.kernels;

import java.util.Locale;

/**
 * Chooses the kernel implementations once, when the facades are initialised.
 *
 * <p>{@code -Dseq2seq4j.kernels=vector|scalar|reference} forces a choice; the default is
 * {@code vector} when the JVM was started with {@code --add-modules jdk.incubator.vector}, else
 * {@code scalar} (the plain-Java blocked kernels). {@code reference} selects the textbook loops of
 * {@link ScalarGemm}, for debugging. The vector classes are loaded by name, only after the module
 * check, so that no class of {@code jdk.incubator.vector} is ever resolved on a JVM without it.
 */
final class KernelSelection {
    static final String PROPERTY = "seq2seq4j.kernels";
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private KernelSelection() {}

    /** Which family of kernels to use: the property if set, else vector when available. */
    static String family() {
        String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "":
                return vectorAvailable() ? "vector" : "scalar";
            case "vector":
                if (!vectorAvailable()) {
                    throw new IllegalStateException("-D" + PROPERTY + "=vector needs the JVM option --add-modules "
                            + VECTOR_MODULE);
                }
                return forced;
            case "scalar":
            case "reference":
                return forced;
            default:
                throw new IllegalStateException("-D" + PROPERTY + "=" + forced
                        + ": expected vector, scalar or reference");
        }
    }

    /** True when the incubator module is in the boot layer (it is not resolved by default). */
    static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** An instance of a kernel class of this package, created reflectively so it is loaded only now. */
    static <T> T instantiate(String simpleName, Class<T> type) {
        String name = KernelSelection.class.getPackageName() + "." + simpleName;
        try {
            return type.cast(Class.forName(name).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot load kernel " + name, e);
        }
    }
}
