package org.flashdeconv.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Starts {@code flashdeconv} in a child JVM (the running test's java, classpath and module flags), with its
 * output in files beside the run, and watches a folder for the temporary files our atomic outputs create.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code flashdeconv args...}; stdout and stderr go to {@code logs/name.out} and {@code .err}. */
    static Process start(Path logs, String name, String... args) throws IOException {
        return start(logs, name, new ArrayList<>(), args);
    }

    /**
     * As {@link #start(Path, String, String...)}, with the files the child writes limited to {@code blocks} blocks
     * of 1 KiB ({@code ulimit -f}): a write past the limit fails in the kernel with EFBIG ("File too large"; the
     * JVM ignores SIGXFSZ), as a full disk fails with ENOSPC.
     */
    static Process startWithFileLimit(Path logs, String name, long blocks, String... args) throws IOException {
        return start(logs, name, new ArrayList<>(List.of("bash", "-c", "ulimit -f " + blocks + " && exec \"$@\"",
                "bash")), args);
    }

    private static Process start(Path logs, String name, List<String> cmd, String... args) throws IOException {
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // the module flags of jvm.args (the root pom's fd.jvmFlags), as surefire passed them to this JVM
            if (a.startsWith("--add-") || a.startsWith("--enable-native-access") || a.startsWith("--sun-misc")) {
                cmd.add(a);
            }
        }
        // short runs on shared cores: quick compilation, one GC thread
        cmd.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Files.createDirectories(logs);
        return new ProcessBuilder(cmd).redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile()).start();
    }

    /** What the child wrote on stderr, without the JVM's note that the Vector API incubator module is in use. */
    static String err(Path logs, String name) throws IOException {
        return Files.readString(logs.resolve(name + ".err")).lines()
                .filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                .map(l -> l + "\n").reduce("", String::concat);
    }

    /** Hidden temporary files in {@code dir} (names starting with a dot). */
    static List<Path> temporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    /**
     * Waits until a hidden file appears in {@code dir} while {@code p} runs; returns false if {@code p} exits
     * first or {@code timeoutMs} passes.
     */
    static boolean awaitTemporary(Process p, Path dir, long timeoutMs) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < end) {
            if (!temporaries(dir).isEmpty()) {
                return true;
            }
            if (!p.isAlive()) {
                return false;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /**
     * Waits until a file or folder whose name matches {@code name} exists anywhere under {@code root} while {@code p}
     * runs, then stops {@code p} (SIGSTOP) so that it stays at that point; returns false if {@code p} exits first or
     * {@code timeoutMs} passes. Resume it with {@link #signal} and then {@code CONT}.
     */
    static boolean awaitAndStop(Process p, Path root, Predicate<Path> name, long timeoutMs)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < end) {
            if (found(root, name)) {
                signal(p, "STOP");
                return p.isAlive();
            }
            if (!p.isAlive()) {
                return false;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /** True if a path under {@code root} matches (entries deleted while looking are skipped). */
    static boolean found(Path root, Predicate<Path> name) throws IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        List<Path> dirs = new ArrayList<>(List.of(root));
        while (!dirs.isEmpty()) {
            Path d = dirs.removeLast();
            try (Stream<Path> s = Files.list(d)) {
                for (Path e : s.toList()) {
                    if (name.test(e)) {
                        return true;
                    }
                    if (Files.isDirectory(e)) {
                        dirs.add(e);
                    }
                }
            } catch (java.nio.file.NoSuchFileException | java.io.UncheckedIOException gone) {
                // deleted while listed
            }
        }
        return false;
    }

    /** Sends {@code SIG<name>} (e.g. TERM, INT, STOP, CONT) to {@code p}. */
    static void signal(Process p, String name) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor();
        if (rc != 0) {
            throw new IOException("kill -" + name + " " + p.pid() + " exited with " + rc);
        }
    }
}
