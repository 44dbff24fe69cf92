package org.flashdeconv.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files through Hadoop's FileSystem: reading small texts, copying remote inputs to local disk (the engine maps a
 * local store) and committing local outputs by rename. On the local file system the raw one is used, so no
 * {@code .crc} files appear beside the outputs.
 */
final class HadoopFiles {
    private HadoopFiles() {
    }

    /** The file system of {@code path} (the raw one for local paths). */
    static FileSystem fs(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    /** Whether {@code path} is on the local file system (no scheme, or {@code file:}). */
    static boolean isLocal(Path path) {
        String scheme = path.toUri().getScheme();
        return scheme == null || "file".equals(scheme);
    }

    /** A local path for {@code path}: itself when local, else a copy (file or folder) under {@code dir}. */
    static java.nio.file.Path local(Path path, Configuration conf, java.nio.file.Path dir) throws IOException {
        if (isLocal(path)) {
            return java.nio.file.Path.of(path.toUri().getPath());
        }
        java.nio.file.Path target = dir.resolve(path.getName());
        fs(path, conf).copyToLocalFile(false, path, new Path(target.toUri()), true);
        return target;
    }

    /** The UTF-8 text of a small file. */
    static String readText(Path path, Configuration conf) throws IOException {
        try (InputStream in = fs(path, conf).open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes a small text file: to a hidden temporary name beside it, then renamed into place. */
    static void writeText(Path target, String text, Configuration conf) throws IOException {
        java.nio.file.Path temp = Files.createTempFile("flashdeconv-", ".txt");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            commit(temp, target, conf);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Puts the local file {@code local} at {@code target}: copied to a hidden temporary name beside the target,
     * then renamed into place, replacing an earlier file. Two attempts of one task may race here; both files are
     * the same (the results are deterministic), so whichever rename comes last leaves a complete, single file.
     */
    static void commit(java.nio.file.Path local, Path target, Configuration conf) throws IOException {
        FileSystem fs = fs(target, conf);
        Path temp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        fs.mkdirs(target.getParent());
        try (InputStream in = Files.newInputStream(local); OutputStream out = fs.create(temp, true)) {
            in.transferTo(out);
        }
        if (!fs.rename(temp, target)) {
            fs.delete(target, false);
            if (!fs.rename(temp, target)) {
                fs.delete(temp, false);
                throw new IOException("cannot rename " + temp + " to " + target);
            }
        }
    }

    /** Commits every file of the local folder {@code local} into {@code target} (one level, as a result folder). */
    static void commitFolder(java.nio.file.Path local, Path target, Configuration conf) throws IOException {
        List<java.nio.file.Path> files = new ArrayList<>();
        try (var s = Files.list(local)) {
            s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .forEach(files::add);
        }
        for (java.nio.file.Path f : files) {
            commit(f, new Path(target, f.getFileName().toString()), conf);
        }
    }

    /** The names of the files in {@code dir}, or none when it does not exist. */
    static List<String> list(Path dir, Configuration conf) throws IOException {
        FileSystem fs = fs(dir, conf);
        List<String> names = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus s : fs.listStatus(dir)) {
                names.add(s.getPath().getName());
            }
        }
        return names;
    }

    /** The configuration's entries, to ship to the executors (a Configuration is not serializable). */
    static java.util.HashMap<String, String> entries(Configuration conf) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : conf) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    /** A configuration with {@code entries}. */
    static Configuration configuration(Map<String, String> entries) {
        Configuration conf = new Configuration(false);
        entries.forEach(conf::set);
        return conf;
    }
}
