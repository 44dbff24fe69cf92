package org.flashdeconv.io.h5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.filter.FilterManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * An open HDF5 file read through jHDF, with lookups that turn missing objects and low-level HDF5 errors into
 * {@link H5FormatException}s naming the file and object. The owner of the jHDF handle: close it when done; the
 * {@link Node}s and {@link NumericArray}s it hands out are valid until then.
 */
public final class H5File implements AutoCloseable {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private static final int STRING_SLICE = 1 << 16;

    static {
        FilterManager.addFilter(new LzfFilter());
    }

    private final Path path;
    private final HdfFile hdf;

    private H5File(Path path, HdfFile hdf) {
        this.path = path;
        this.hdf = hdf;
    }

    /**
     * Opens an HDF5 file.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws H5FormatException                 if it is not an HDF5 file or jHDF cannot open it
     */
    public static H5File open(Path path) throws IOException {
        if (!isHdf5(path)) {
            throw new H5FormatException(path, "not an HDF5 file (no HDF5 signature)");
        }
        try {
            return new H5File(path, new HdfFile(path));
        } catch (HdfException e) {
            throw new H5FormatException(path, "/", "cannot open as HDF5: " + e.getMessage(), e);
        }
    }

    /**
     * True if the file starts with the HDF5 signature (at offset 0 or after a user block of 512, 1024, ...
     * bytes; only the first 8 KiB are searched).
     *
     * @throws IOException if the file cannot be read
     */
    public static boolean isHdf5(Path path) throws IOException {
        byte[] head = new byte[8192 + SIGNATURE.length];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        for (int at = 0; at + SIGNATURE.length <= n; at = at == 0 ? 512 : at * 2) {
            if (Arrays.equals(head, at, at + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                return true;
            }
        }
        return false;
    }

    /** The file's path. */
    public Path path() {
        return path;
    }

    /** The root group. */
    public Group root() {
        return hdf;
    }

    /** The node at {@code objectPath} (e.g. {@code obs/cell_type}), or empty if there is none. */
    public Optional<Node> find(String objectPath) throws H5FormatException {
        try {
            Node node = hdf.getByPath(objectPath);
            return Optional.ofNullable(node);
        } catch (io.jhdf.exceptions.HdfInvalidPathException e) {
            return Optional.empty();
        } catch (HdfException e) {
            throw new H5FormatException(path, objectPath, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The group at {@code objectPath}; {@code what} names it in the error ("AnnData obs"). */
    public Group group(String objectPath, String what) throws H5FormatException {
        return node(objectPath, what, Group.class, "a group", "a dataset");
    }

    /** The dataset at {@code objectPath}; {@code what} names it in the error. */
    public Dataset dataset(String objectPath, String what) throws H5FormatException {
        return node(objectPath, what, Dataset.class, "a dataset", "a group");
    }

    /** The node at {@code objectPath}, which must be a {@code kind} ({@code expected}; otherwise it is {@code other}). */
    private <T extends Node> T node(String objectPath, String what, Class<T> kind, String expected, String other)
            throws H5FormatException {
        Node node = find(objectPath).orElseThrow(
                () -> new H5FormatException(path, objectPath, "missing (" + what + ")"));
        if (!kind.isInstance(node)) {
            throw new H5FormatException(path, objectPath, "expected " + expected + " (" + what + "), found " + other);
        }
        return kind.cast(node);
    }

    /** A one-dimensional numeric dataset read in slices. */
    public NumericArray numeric(String objectPath, String what) throws H5FormatException {
        return new NumericArray(path, dataset(objectPath, what));
    }

    /** All strings of a one-dimensional string dataset (fixed or variable length). */
    public String[] strings(String objectPath, String what) throws H5FormatException {
        Dataset d = dataset(objectPath, what);
        return strings(d);
    }

    /** All strings of a one-dimensional string dataset. */
    public String[] strings(Dataset d) throws H5FormatException {
        try {
            if (d.isEmpty() || d.getSize() == 0) {
                return new String[0];
            }
            long[] dims = d.getDimensionsAsLong();
            if (dims.length != 1 || d.getJavaType() != String.class) {
                throw new H5FormatException(path, d.getPath(), "expected a 1-D string dataset, found "
                        + d.getJavaType().getSimpleName() + " of shape " + Arrays.toString(dims));
            }
            // in slices: jHDF's transient objects for variable-length strings are several times the strings
            String[] out = new String[Math.toIntExact(dims[0])];
            for (int at = 0; at < out.length; at += STRING_SLICE) {
                int n = Math.min(STRING_SLICE, out.length - at);
                String[] part = (String[]) d.getData(new long[] {at}, new int[] {n});
                System.arraycopy(part, 0, out, at, n);
            }
            return out;
        } catch (HdfException e) {
            throw new H5FormatException(path, d.getPath(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** A string attribute of {@code node}, or null when absent or not a string. */
    public String stringAttribute(Node node, String name) throws H5FormatException {
        Object value = attribute(node, name);
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof String[] a && a.length == 1) {
            return a[0];
        }
        return null;
    }

    /** An attribute's data as jHDF returns it (a boxed scalar or an array), or null when absent. */
    public Object attribute(Node node, String name) throws H5FormatException {
        try {
            Attribute a = node.getAttribute(name);
            return a == null ? null : a.getData();
        } catch (HdfException e) {
            throw new H5FormatException(path, node.getPath(), "cannot read attribute '" + name + "': "
                    + e.getMessage(), e);
        }
    }

    /** Closes the file. */
    @Override
    public void close() {
        hdf.close();
    }
}
