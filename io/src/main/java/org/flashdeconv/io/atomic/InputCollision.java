package org.flashdeconv.io.atomic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks that an output cannot replace an input: paths are compared after resolving symbolic links and {@code ..},
 * and existing files by their file key (so a hard link or another spelling of the same file is caught too).
 */
public final class InputCollision {
    private InputCollision() {
    }

    /**
     * Refuses an output file that is one of the inputs, or an existing file inside an input folder, or that exists
     * and is not a regular file ({@link AtomicOutput#notAFile}).
     *
     * @param option the output's option, for the message
     * @param output the file to be written
     * @param inputs the inputs by option name (null values are skipped)
     * @throws IllegalArgumentException naming the option, the output and the input
     */
    public static void requireNotAnInput(String option, Path output, Map<String, Path> inputs) {
        String notAFile = AtomicOutput.notAFile(output);
        if (notAFile != null) {
            throw new IllegalArgumentException(option + ": " + notAFile);
        }
        Path out = resolved(output);
        forEachExisting(inputs, (name, given, in) -> {
            boolean same = out.equals(in) || sameFile(output, given);
            boolean inside = Files.isDirectory(in) && out.startsWith(in) && Files.exists(output);
            if (same || inside) {
                throw new IllegalArgumentException(option + ": " + output + (same ? " is the " + name
                        + " input" : " is a file of the " + name + " input folder " + given)
                        + "; flashdeconv never replaces an input, write the result elsewhere");
            }
        });
    }

    /**
     * Refuses an output folder that is, or holds, one of the inputs (a run replaces its whole result folder).
     *
     * @param option the output's option, for the message
     * @param folder the result folder
     * @param inputs the inputs by option name (null values are skipped)
     * @throws IllegalArgumentException naming the option, the folder and the input
     */
    public static void requireHoldsNoInput(String option, Path folder, Map<String, Path> inputs) {
        Path out = resolved(folder);
        forEachExisting(inputs, (name, given, in) -> {
            if (in.startsWith(out) || sameFile(folder, given)) {
                throw new IllegalArgumentException(option + ": " + folder + (in.equals(out) ? " is the "
                        + name + " input" : " holds the " + name + " input " + given)
                        + "; a run replaces its whole result folder, so give another folder");
            }
        });
    }

    /** Receives an input that exists: its option name, its path as given and its {@link #resolved} path. */
    private interface InputVisitor {
        void visit(String name, Path given, Path resolved);
    }

    private static void forEachExisting(Map<String, Path> inputs, InputVisitor visitor) {
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            if (e.getValue() != null && Files.exists(e.getValue())) {
                visitor.visit(e.getKey(), e.getValue(), resolved(e.getValue()));
            }
        }
    }

    /**
     * Refuses an output folder that is one of the inputs or lies inside an input folder (a run would write into the
     * input, or replace it).
     *
     * @param option the output's option, for the message
     * @param folder the output folder
     * @param inputs the inputs by name (null values are skipped)
     * @throws IllegalArgumentException naming the option, the folder and the input
     */
    public static void requireOutsideInputs(String option, Path folder, Map<String, Path> inputs) {
        Path out = resolved(folder);
        forEachExisting(inputs, (name, given, in) -> {
            boolean same = out.equals(in) || sameFile(folder, given);
            if (same || Files.isDirectory(in) && out.startsWith(in)) {
                throw new IllegalArgumentException(option + ": " + folder + (same ? " is the " + name
                        + " input" : " is inside the " + name + " input folder " + given)
                        + "; flashdeconv never writes into an input, give another folder");
            }
        });
    }

    /** The real path of {@code p}: of the deepest existing ancestor, with the rest of the names appended. */
    static Path resolved(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
