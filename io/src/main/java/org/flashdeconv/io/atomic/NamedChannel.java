package org.flashdeconv.io.atomic;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A {@link FileChannel} whose IO errors name its file. The kernel's reasons for a failed
 * write or read ({@code No space left on device}, {@code File too large}, {@code No such device},
 * {@code Input/output error}) reach Java as a bare message; through this channel they read
 * {@code <file>: No space left on device}, so the one-line error of the command says which file (and so which file
 * system) it was. Every writer of an output or a temporary file opens it here, and the readers of stores, text and
 * Parquet files (a store on a file system that cannot map it fails with {@code No such device}).
 *
 * <p>The name shown can differ from the file opened: a temporary file ({@code .x.csv.123.tmp}) is shown as the
 * output it becomes ({@code x.csv}).
 *
 * <p>Tests can send the writes of chosen files to another file ({@link #redirectWrites}), such as {@code /dev/full},
 * whose every write fails with {@code ENOSPC}: the error then comes from the kernel through this same channel.
 */
public final class NamedChannel extends FileChannel {
    private static volatile Redirect redirect;

    private final FileChannel ch;
    private final Path shown;

    private NamedChannel(FileChannel ch, Path shown) {
        this.ch = ch;
        this.shown = shown;
    }

    /**
     * Opens {@code file} with {@code options}; errors of the returned channel name {@code shown}.
     *
     * @throws IOException naming {@code shown} if the file cannot be opened
     */
    public static FileChannel open(Path file, Path shown, OpenOption... options) throws IOException {
        Redirect r = redirect;
        Path opened = file;
        if (r != null && Arrays.asList(options).contains(StandardOpenOption.WRITE) && r.which().test(shown)) {
            opened = r.to();
            options = new OpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.READ};
        }
        try {
            return new NamedChannel(FileChannel.open(opened, options), shown);
        } catch (IOException e) {
            throw named(shown, e);
        }
    }

    /** As {@link #open(Path, Path, OpenOption...)}, showing {@code file} itself. */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        return open(file, file, options);
    }

    /**
     * A buffered-by-the-caller stream writing {@code file} from its start (created, or truncated); errors name
     * {@code shown}.
     *
     * @throws IOException naming {@code shown} if the file cannot be opened
     */
    public static OutputStream newOutputStream(Path file, Path shown) throws IOException {
        return Channels.newOutputStream(open(file, shown, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    /**
     * {@code e} with {@code file} in its message, unless it already names a file (a {@link FileSystemException}
     * with its file, or a message that holds the path).
     */
    public static IOException named(Path file, IOException e) {
        String m = e.getMessage();
        if (e instanceof FileSystemException f && f.getFile() != null
                || m != null && m.contains(file.toString())) {
            return e;
        }
        return new IOException(describe(file, m == null ? e.getClass().getSimpleName() : m), e);
    }

    /**
     * {@code <file>: <reason>}; for a hidden temporary file (a name starting with a dot, gone after the failure),
     * {@code <folder>: <reason>, writing the temporary file <name>}.
     */
    static String describe(Path file, String reason) {
        Path name = file.getFileName();
        if (name != null && name.toString().startsWith(".") && file.getParent() != null) {
            return file.getParent() + ": " + reason + ", writing the temporary file " + name;
        }
        return file + ": " + reason;
    }

    /**
     * {@code e} with the temporary path {@code hidden} (a staged folder, a temporary file) shown as the output it
     * becomes, {@code shown}, in its message: the user never sees the hidden name, which is gone after the failure.
     * Keeps the exception's class for the file-system exceptions whose class the command line puts into words.
     */
    public static IOException shownAs(IOException e, Path hidden, Path shown) {
        String m = e.getMessage();
        String from = hidden.toString();
        if (m == null || !m.contains(from)) {
            return e;
        }
        String to = shown.toString();
        IOException r;
        if (e instanceof FileSystemException f) {
            String file = f.getFile() == null ? null : f.getFile().replace(from, to);
            String other = f.getOtherFile() == null ? null : f.getOtherFile().replace(from, to);
            r = switch (e) {
                case java.nio.file.NoSuchFileException x -> new java.nio.file.NoSuchFileException(file, other,
                        f.getReason());
                case java.nio.file.AccessDeniedException x -> new java.nio.file.AccessDeniedException(file, other,
                        f.getReason());
                default -> new FileSystemException(file, other, f.getReason());
            };
        } else {
            r = new IOException(m.replace(from, to));
        }
        r.initCause(e);
        return r;
    }

    /**
     * For tests: until the returned handle is closed, the files opened for writing whose shown name matches
     * {@code which} are opened as {@code to} instead (opened for reading and writing, not created), e.g. {@code /dev/full}.
     */
    public static AutoCloseable redirectWrites(Predicate<Path> which, Path to) {
        redirect = new Redirect(which, to);
        return () -> redirect = null;
    }

    private record Redirect(Predicate<Path> which, Path to) {
    }

    /** One call on the underlying channel. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T call(Call<T> c) throws IOException {
        try {
            return c.run();
        } catch (IOException e) {
            throw named(shown, e);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return call(() -> ch.read(dst));
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return call(() -> ch.read(dsts, offset, length));
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return call(() -> ch.write(src));
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return call(() -> ch.write(srcs, offset, length));
    }

    @Override
    public long position() throws IOException {
        return call(ch::position);
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        call(() -> ch.position(newPosition));
        return this;
    }

    @Override
    public long size() throws IOException {
        return call(ch::size);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        call(() -> ch.truncate(size));
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        call(() -> {
            ch.force(metaData);
            return null;
        });
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return call(() -> ch.transferTo(position, count, target instanceof NamedChannel o ? o.ch : target));
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return call(() -> ch.transferFrom(src instanceof NamedChannel o ? o.ch : src, position, count));
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return call(() -> ch.read(dst, position));
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return call(() -> ch.write(src, position));
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return call(() -> ch.map(mode, position, size));
    }

    @Override
    public MemorySegment map(MapMode mode, long offset, long size, Arena arena) throws IOException {
        return call(() -> ch.map(mode, offset, size, arena));
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return call(() -> ch.lock(position, size, shared));
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return call(() -> ch.tryLock(position, size, shared));
    }

    @Override
    protected void implCloseChannel() throws IOException {
        call(() -> {
            ch.close();
            return null;
        });
    }
}
