package org.flashdeconv.engine.matrix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Allocates large zeroed off-heap arrays whose pages the operating system zeroes when they are first touched,
 * instead of one thread writing zeros over all of them at allocation ({@code Arena.allocate} does: 2 GB of β and
 * solver scratch at 10M spots took 1.6 s of one core before the solver started). The array is the C library's
 * {@code calloc}, which maps fresh zero pages for large sizes, freed when the arena closes: the same zeroed memory
 * of the same size and lifetime, its pages touched first by whichever thread writes them (in parallel passes,
 * every worker). Falls back to {@link Arena#allocate} for small arrays, alignments above 16 bytes, and where native
 * access is not enabled for this module or {@code calloc} is not found.
 */
public final class ZeroedArrays {
    /** Below this, {@link Arena#allocate} (a small memset costs less than a native call and a cleanup). */
    private static final long NATIVE_FROM_BYTES = 1L << 20;
    /** What {@code calloc} guarantees on the 64-bit platforms the project runs on. */
    private static final long CALLOC_ALIGNMENT = 16;
    private static final MethodHandle CALLOC;
    private static final MethodHandle FREE;

    static {
        MethodHandle calloc = null;
        MethodHandle free = null;
        try {
            if (ZeroedArrays.class.getModule().isNativeAccessEnabled()) {
                Linker linker = Linker.nativeLinker();
                var lookup = linker.defaultLookup();
                calloc = lookup.find("calloc").map(a -> linker.downcallHandle(a, FunctionDescriptor.of(
                        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG))).orElse(null);
                free = lookup.find("free").map(a -> linker.downcallHandle(a, FunctionDescriptor.ofVoid(
                        ValueLayout.ADDRESS))).orElse(null);
            }
        } catch (RuntimeException | LinkageError e) {
            calloc = null;
        }
        CALLOC = calloc != null && free != null ? calloc : null;
        FREE = CALLOC != null ? free : null;
    }

    private ZeroedArrays() {
    }

    /** True if large arrays come from {@code calloc} on this platform and JVM. */
    public static boolean lazy() {
        return CALLOC != null;
    }

    /**
     * A zeroed array of {@code count} elements of {@code layout}, valid until {@code arena} closes.
     *
     * @throws IllegalArgumentException if count is negative
     * @throws ArithmeticException      if the size overflows a long
     * @throws OutOfMemoryError         if the memory cannot be had
     */
    public static MemorySegment allocate(Arena arena, ValueLayout layout, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("element count must be >= 0, found " + count);
        }
        long bytes = Math.multiplyExact(count, layout.byteSize());
        return allocate(arena, bytes, layout.byteAlignment());
    }

    /**
     * A zeroed block of {@code bytes} bytes aligned to {@code alignment}, valid until {@code arena} closes.
     *
     * @throws IllegalArgumentException if bytes is negative or alignment not a power of two
     * @throws OutOfMemoryError         if the memory cannot be had
     */
    public static MemorySegment allocate(Arena arena, long bytes, long alignment) {
        if (CALLOC == null || bytes < NATIVE_FROM_BYTES || alignment > CALLOC_ALIGNMENT) {
            return arena.allocate(bytes, alignment);
        }
        MemorySegment raw;
        try {
            raw = (MemorySegment) CALLOC.invokeExact(1L, bytes);
        } catch (Throwable t) {
            throw new IllegalStateException("calloc failed", t);
        }
        if (raw.equals(MemorySegment.NULL)) {
            throw new OutOfMemoryError("cannot allocate " + bytes + " bytes of native memory");
        }
        boolean success = false;
        try {
            MemorySegment segment = raw.reinterpret(bytes, arena, ZeroedArrays::free);
            success = true;
            return segment;
        } finally {
            if (!success) {
                free(raw); // the arena was closed or belongs to another thread: nothing will free it
            }
        }
    }

    private static void free(MemorySegment block) {
        try {
            FREE.invokeExact(block);
        } catch (Throwable t) {
            throw new IllegalStateException("free failed", t);
        }
    }
}
