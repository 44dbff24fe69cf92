package org.flashdeconv.io.result;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flashdeconv.io.atomic.AtomicOutput;
import org.flashdeconv.io.atomic.NamedChannel;

/**
 * Files written side by side, block after block, each under a temporary name until {@link #commit()}. With a
 * helper thread, the files of a block are split in two groups of about equal bytes, one written by the caller and
 * one by the helper at the same time: the kernel's copy into the page cache, the largest cost of writing a few GB,
 * then runs on two cores. Owns its channels and its helper thread until {@link #close()}, which deletes the
 * temporaries of an uncommitted write.
 */
final class OrderedFiles implements AutoCloseable {
    private final List<AtomicOutput> outs = new ArrayList<>();
    private final List<FileChannel> channels = new ArrayList<>();
    private final ExecutorService helper;

    /**
     * Opens the temporaries of {@code targets}.
     *
     * @param helperThread whether to write with a second thread
     * @throws IOException if one cannot be created (those already created are deleted)
     */
    OrderedFiles(List<Path> targets, boolean helperThread) throws IOException {
        helper = helperThread && targets.size() > 1 ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flashdeconv-writer");
            t.setDaemon(true);
            return t;
        }) : null;
        boolean ok = false;
        try {
            for (Path target : targets) {
                AtomicOutput out = AtomicOutput.create(target);
                outs.add(out);
                channels.add(NamedChannel.open(out.temp(), out.target(), StandardOpenOption.WRITE));
            }
            ok = true;
        } finally {
            if (!ok) {
                close();
            }
        }
    }

    /**
     * Appends {@code blocks[i]} (position to limit) to file {@code i}, for every file, and returns when all are
     * written.
     *
     * @throws IOException if a write fails
     */
    void write(ByteBuffer[] blocks) throws IOException {
        int n = channels.size();
        if (helper == null) {
            for (int i = 0; i < n; i++) {
                writeFully(channels.get(i), blocks[i]);
            }
            return;
        }
        // the larger files first, each to the group with fewer bytes so far
        boolean[] mine = new boolean[n];
        long own = 0;
        long other = 0;
        for (int i : bySizeDescending(blocks)) {
            if (own <= other) {
                mine[i] = true;
                own += blocks[i].remaining();
            } else {
                other += blocks[i].remaining();
            }
        }
        Future<?> theirs = helper.submit(() -> {
            for (int i = 0; i < n; i++) {
                if (!mine[i]) {
                    writeFully(channels.get(i), blocks[i]);
                }
            }
            return null;
        });
        IOException failure = null;
        try {
            for (int i = 0; i < n; i++) {
                if (mine[i]) {
                    writeFully(channels.get(i), blocks[i]);
                }
            }
        } catch (IOException e) {
            failure = e;
        }
        try {
            theirs.get(); // whatever happened here: the helper must be done with the blocks before they are reused
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            IOException io = cause instanceof IOException x ? x : new IOException(cause);
            if (failure == null) {
                failure = io;
            } else {
                failure.addSuppressed(io);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Closes the files and puts each under its name.
     *
     * @throws IOException if one cannot be closed or renamed
     */
    void commit() throws IOException {
        for (FileChannel ch : channels) {
            ch.close();
        }
        for (AtomicOutput out : outs) {
            out.commit();
        }
    }

    /** Closes the files, deleting the temporaries not committed, and stops the helper. */
    @Override
    public void close() throws IOException {
        if (helper != null) {
            helper.shutdownNow();
        }
        IOException first = null;
        List<AutoCloseable> all = new ArrayList<>(channels);
        all.addAll(outs);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                IOException io = e instanceof IOException x ? x : new IOException(e);
                if (first == null) {
                    first = io;
                } else {
                    first.addSuppressed(io);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static int[] bySizeDescending(ByteBuffer[] blocks) {
        Integer[] order = new Integer[blocks.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(blocks[b].remaining(), blocks[a].remaining()));
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }

    static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
