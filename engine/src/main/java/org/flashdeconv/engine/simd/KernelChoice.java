package org.flashdeconv.engine.simd;

import java.lang.reflect.InvocationTargetException;

/**
 * Chooses the {@link Kernels} implementation once per JVM: the Vector API one when the module
 * {@code jdk.incubator.vector} is in the boot layer (the JVM was started with
 * {@code --add-modules=jdk.incubator.vector}) and the CPU has at least two double lanes; else the scalar one, with
 * one INFO log line saying why. The system property {@value #PROPERTY}{@code =scalar} forces the scalar kernels
 * (for benchmarks and comparisons).
 */
final class KernelChoice {

    /** System property that forces the scalar kernels when set to {@code scalar}. */
    static final String PROPERTY = "flashdeconv.simd";

    static final String MODULE = "jdk.incubator.vector";

    private static final String VECTOR_CLASS = "org.flashdeconv.engine.simd.VectorKernels";

    static final Kernels BEST = chooseAndLog();

    private KernelChoice() {
    }

    /** The choice and, for the scalar fallback, why it was made (null when the vector kernels were chosen). */
    record Choice(Kernels kernels, String reason) {
    }

    private static Kernels chooseAndLog() {
        Choice c = choose(ModuleLayer.boot().findModule(MODULE).isPresent(), System.getProperty(PROPERTY));
        if (c.reason() != null) {
            System.getLogger(Kernels.class.getName()).log(System.Logger.Level.INFO,
                    "SIMD kernels: using the scalar kernels because " + c.reason());
        }
        return c.kernels();
    }

    /**
     * The decision, separated from the environment so that it can be tested.
     *
     * @param modulePresent whether {@code jdk.incubator.vector} is in the boot layer
     * @param property      the value of {@value #PROPERTY}, or null
     */
    static Choice choose(boolean modulePresent, String property) {
        if ("scalar".equals(property)) {
            return new Choice(ScalarKernels.INSTANCE, "-D" + PROPERTY + "=scalar was given");
        }
        if (!modulePresent) {
            return new Choice(ScalarKernels.INSTANCE, "the module " + MODULE + " is not present (start the JVM with"
                    + " --add-modules=" + MODULE + " for the Vector API kernels)");
        }
        try {
            Kernels v = (Kernels) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
            return new Choice(v, null);
        } catch (InvocationTargetException e) {
            return new Choice(ScalarKernels.INSTANCE, "the Vector API kernels are unusable: "
                    + e.getCause().getMessage());
        } catch (ReflectiveOperationException | LinkageError e) {
            return new Choice(ScalarKernels.INSTANCE, "the Vector API kernels failed to load: " + e);
        }
    }
}
