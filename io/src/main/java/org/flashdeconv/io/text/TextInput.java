package org.flashdeconv.io.text;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.flashdeconv.io.InputFormatException;
import org.flashdeconv.io.atomic.NamedChannel;

/**
 * Opens a text input, plain or gzip-compressed (recognised by its magic bytes, whatever the name), with large
 * buffers. A truncated or corrupt gzip stream raises a {@link InputFormatException} naming the file instead of a
 * bare {@link EOFException}.
 */
public final class TextInput {
    private static final int BUFFER_BYTES = 1 << 20;

    private TextInput() {
    }

    /**
     * Opens {@code file} for reading.
     *
     * @throws IOException if the file cannot be opened
     */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Channels.newInputStream(NamedChannel.open(file,
                StandardOpenOption.READ)), BUFFER_BYTES);
        boolean success = false;
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = raw;
            if (b0 == 0x1f && b1 == 0x8b) {
                try {
                    in = new Guard(new GZIPInputStream(raw, BUFFER_BYTES), file);
                } catch (EOFException | ZipException e) {
                    throw new InputFormatException(file, "truncated or corrupt gzip header (" + e.getMessage() + ")",
                            e);
                }
            }
            success = true;
            return in;
        } finally {
            if (!success) {
                raw.close();
            }
        }
    }

    /**
     * Opens {@code file} as UTF-8 text, plain or gzip-compressed.
     *
     * @throws IOException if the file cannot be opened
     */
    public static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8));
    }

    /** Turns the gzip decoder's end-of-stream and format errors into one-line errors that name the file. */
    private static final class Guard extends FilterInputStream {
        private final Path file;

        Guard(InputStream in, Path file) {
            super(in);
            this.file = file;
        }

        private InputFormatException wrap(IOException e) {
            return new InputFormatException(file, "truncated or corrupt gzip data (" + e.getMessage() + ")", e);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException | ZipException e) {
                throw wrap(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (EOFException | ZipException e) {
                throw wrap(e);
            }
        }
    }
}
