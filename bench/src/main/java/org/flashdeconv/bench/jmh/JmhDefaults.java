package org.flashdeconv.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.flashdeconv.engine.simd.Kernels;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Settings every benchmark inherits: one fork, average time per operation. The fork gets the JVM flags of the
 * JMH host (JMH's default): {@code bench/run-jmh.sh} starts it with the repository's {@code jvm.args} and the
 * Vector API module. The command line may override the counts ({@code -f -wi -i -w -r}).
 */
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class JmhDefaults {

    /**
     * The kernels named by a benchmark parameter: {@code scalar}, or {@code vector} (fails when the Vector API
     * kernels are not available, rather than measuring the scalar ones under the wrong name).
     *
     * @throws IllegalStateException if {@code vector} is asked for and unavailable
     * @throws IllegalArgumentException for another name
     */
    static Kernels kernels(String name) {
        return switch (name) {
            case "scalar" -> Kernels.scalar();
            case "vector" -> {
                Kernels best = Kernels.best();
                if (best == Kernels.scalar()) {
                    throw new IllegalStateException("the Vector API kernels are not available in this JVM");
                }
                yield best;
            }
            default -> throw new IllegalArgumentException("kernels must be scalar or vector, found " + name);
        };
    }
}
