package org.flashdeconv.io.source;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A {@link CountSource} that forwards every call to another; subclasses override what they change (a subset
 * of spots or genes, added coordinates, ...). Closing it closes the wrapped source.
 */
public abstract class ForwardingSource implements CountSource {
    /** The wrapped source. */
    protected final CountSource inner;

    /** Wraps {@code inner}. */
    protected ForwardingSource(CountSource inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public long spots() {
        return inner.spots();
    }

    @Override
    public List<String> geneNames() {
        return inner.geneNames();
    }

    @Override
    public List<String> geneIds() {
        return inner.geneIds();
    }

    @Override
    public List<String> warnings() {
        return inner.warnings();
    }

    @Override
    public void forEachBarcode(Consumer<String> consumer) throws IOException {
        inner.forEachBarcode(consumer);
    }

    @Override
    public boolean spotMajor() {
        return inner.spotMajor();
    }

    @Override
    public void forEachEntry(EntryConsumer consumer) throws IOException {
        inner.forEachEntry(consumer);
    }

    @Override
    public String describe(long location) {
        return inner.describe(location);
    }

    /** The wrapped source's bound: a subclass that drops entries keeps it an upper bound. */
    @Override
    public OptionalLong entriesAtMost() {
        return inner.entriesAtMost();
    }

    @Override
    public Optional<Coordinates> coordinates() {
        return inner.coordinates();
    }

    @Override
    public Optional<Coordinates> imagePixels() {
        return inner.imagePixels();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
