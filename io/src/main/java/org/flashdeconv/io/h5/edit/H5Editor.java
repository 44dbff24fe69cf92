package org.flashdeconv.io.h5.edit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flashdeconv.io.atomic.NamedChannel;

/**
 * Adds datasets, groups, links and attributes to an HDF5 file in h5py's default layout (superblock 0, version 1
 * object headers, symbol-table groups), or builds a new file in that layout. Everything new is appended; existing
 * objects are never moved, and only these bytes of the original change: the superblock's end-of-file address and
 * cached root B-tree/heap, the symbol table message of each group that gains links (and its cached copy in the
 * parent's entry), and, for a replaced attribute, its message (turned into a continuation to a new chunk) and the
 * header's message count. Call {@link #finish()} to write the groups' new link tables and the superblock; until
 * then the file is not valid HDF5. Owns the file channel until {@link #close()}.
 */
public final class H5Editor implements AutoCloseable {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final int SUPERBLOCK = 96;
    private static final int ROOT_ENTRY = 56;

    /** Writes a dataset's bytes, in order, through {@link Sink#put}. */
    @FunctionalInterface
    public interface DataWriter {
        /**
         * Writes all the dataset's bytes.
         *
         * @throws IOException if they cannot be produced or written
         */
        void write(Sink sink) throws IOException;
    }

    /** Sequential writes into a dataset's reserved space. */
    public interface Sink {
        /**
         * Appends {@code data} (from its position to its limit).
         *
         * @throws IOException on a write error or if the dataset's size would be exceeded
         */
        void put(ByteBuffer data) throws IOException;
    }

    /** A group whose links change: where its symbol table message is and its links by name. */
    private static final class GroupState {
        final String path;
        final long header;
        final long symbolTableAt;
        final SymbolTable.Entry inParent;
        final Map<String, Long> links = new LinkedHashMap<>();
        boolean dirty;

        GroupState(String path, long header, long symbolTableAt, SymbolTable.Entry inParent) {
            this.path = path;
            this.header = header;
            this.symbolTableAt = symbolTableAt;
            this.inParent = inParent;
        }
    }

    private final H5Out file;
    private final int leafK;
    private final int internalK;
    private final int rootCacheType;
    private final Map<String, GroupState> groups = new LinkedHashMap<>();
    private final Map<String, SymbolTable.Entry> entries = new LinkedHashMap<>();

    private H5Editor(H5Out file, int leafK, int internalK, int rootCacheType) {
        this.file = file;
        this.leafK = leafK;
        this.internalK = internalK;
        this.rootCacheType = rootCacheType;
    }

    /**
     * Opens a file for adding (the caller's copy: it is changed in place).
     *
     * @param shown the name its IO errors give: the output a temporary copy becomes (the user's file name, not
     *              the hidden temporary deleted after a failure)
     * @throws UnsupportedLayoutException if the file is not in the layout described above (superblock version,
     *                                    offset sizes, base address, root group format)
     * @throws IOException                if it cannot be read
     */
    public static H5Editor open(Path path, Path shown) throws IOException {
        H5Out f = new H5Out(path, shown);
        boolean ok = false;
        try {
            ByteBuffer sb = f.read(0, SUPERBLOCK);
            byte[] sig = new byte[8];
            sb.get(0, sig);
            if (!java.util.Arrays.equals(sig, SIGNATURE)) {
                throw new UnsupportedLayoutException("no HDF5 signature at offset 0 (a user block?)");
            }
            if (sb.get(8) != 0) {
                throw new UnsupportedLayoutException("superblock version " + sb.get(8) + " (only version 0, h5py's "
                        + "default, is edited)");
            }
            if (sb.get(13) != 8 || sb.get(14) != 8 || sb.getLong(24) != 0) {
                throw new UnsupportedLayoutException("offsets of " + sb.get(13) + " bytes, lengths of " + sb.get(14)
                        + " bytes, base address " + sb.getLong(24) + " (expected 8, 8, 0)");
            }
            H5Editor e = new H5Editor(f, Short.toUnsignedInt(sb.getShort(16)), Short.toUnsignedInt(sb.getShort(18)),
                    sb.getInt(ROOT_ENTRY + 16));
            e.load("", sb.getLong(ROOT_ENTRY + 8), null);
            ok = true;
            return e;
        } finally {
            if (!ok) {
                f.close();
            }
        }
    }

    /**
     * Creates a new file (replacing {@code path}) holding an empty root group with these attribute messages
     * ({@link #stringAttribute} and friends).
     *
     * @param shown the name its IO errors give (see {@link #open})
     * @throws IOException if it cannot be written
     */
    public static H5Editor create(Path path, Path shown, List<byte[]> rootAttributes) throws IOException {
        try (OutputStream o = NamedChannel.newOutputStream(path, shown)) {
            o.write(new byte[SUPERBLOCK]);
        }
        H5Out f = new H5Out(path, shown);
        boolean ok = false;
        try {
            ByteBuffer sb = Encode.le(SUPERBLOCK);
            sb.put(SIGNATURE).put(new byte[] {0, 0, 0, 0, 0, 8, 8, 0}).putShort((short) 4).putShort((short) 16)
                    .putInt(0).putLong(0).putLong(Encode.UNDEFINED).putLong(0).putLong(Encode.UNDEFINED);
            H5Editor e = new H5Editor(f, 4, 16, 0);
            long root = e.newGroupHeader(rootAttributes);
            sb.putLong(0).putLong(root).putInt(0).putInt(0).putLong(0).putLong(0);
            f.write(0, sb.flip());
            GroupState g = new GroupState("", root, root + 16 + 8, null);
            g.dirty = true;
            e.groups.put("", g);
            ok = true;
            return e;
        } finally {
            if (!ok) {
                f.close();
            }
        }
    }

    private GroupState load(String path, long header, SymbolTable.Entry inParent) throws IOException {
        ObjectHeader h = ObjectHeader.read(file, header);
        ObjectHeader.Message stab = h.find(Encode.SYMBOL_TABLE);
        if (stab == null) {
            throw new UnsupportedLayoutException("group '/" + path + "' has no symbol table (an HDF5 1.8 "
                    + "link-message group, or not a group)");
        }
        ByteBuffer s = file.read(stab.dataAt(), 16);
        GroupState g = new GroupState(path, header, stab.dataAt(), inParent);
        for (SymbolTable.Entry e : SymbolTable.read(file, s.getLong(0), s.getLong(8))) {
            g.links.put(e.name(), e.address());
            entries.put(child(path, e.name()), e);
        }
        groups.put(path, g);
        return g;
    }

    private static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    private GroupState group(String path) throws IOException {
        GroupState g = groups.get(path);
        if (g != null) {
            return g;
        }
        int slash = path.lastIndexOf('/');
        GroupState parent = group(slash < 0 ? "" : path.substring(0, slash));
        String name = path.substring(slash + 1);
        Long at = parent.links.get(name);
        if (at == null) {
            throw new IOException("no group '/" + path + "'");
        }
        return load(path, at, entries.get(path));
    }

    /** The object header address of {@code path} (e.g. {@code obs/_index}), or -1 if there is none. */
    public long find(String path) throws IOException {
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        try {
            Long at = group(parent).links.get(path.substring(slash + 1));
            return at == null ? -1 : at;
        } catch (UnsupportedLayoutException e) {
            throw e;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Links {@code address} as {@code name} in the group at {@code groupPath}, replacing a link of that name (the
     * object it pointed to stays in the file, unreachable).
     *
     * @throws UnsupportedLayoutException if the group is not a symbol-table group
     * @throws IOException                if the group does not exist
     */
    public void link(String groupPath, String name, long address) throws IOException {
        if (name.isEmpty() || name.contains("/") || name.equals(".")) {
            throw new IllegalArgumentException("HDF5 link name '" + name + "' is empty or holds '/'");
        }
        GroupState g = group(groupPath);
        g.links.put(name, address);
        g.dirty = true;
    }

    /**
     * Removes the link {@code name} from the group at {@code groupPath}, if there is one (the object stays in the
     * file, unreachable).
     *
     * @throws IOException if the group does not exist
     */
    public void unlink(String groupPath, String name) throws IOException {
        GroupState g = group(groupPath);
        if (g.links.remove(name) != null) {
            g.dirty = true;
        }
    }

    /**
     * A new empty group with these attribute messages, linked as {@code path} (its parent must exist).
     *
     * @return its object header address
     * @throws IOException as {@link #link}
     */
    public long createGroup(String path, List<byte[]> attributes) throws IOException {
        long header = newGroupHeader(attributes);
        int slash = path.lastIndexOf('/');
        link(slash < 0 ? "" : path.substring(0, slash), path.substring(slash + 1), header);
        GroupState g = new GroupState(path, header, header + 16 + 8, null);
        g.dirty = true;
        groups.put(path, g);
        return header;
    }

    private long newGroupHeader(List<byte[]> attributes) throws IOException {
        List<Object[]> messages = new ArrayList<>();
        messages.add(new Object[] {Encode.SYMBOL_TABLE, Encode.symbolTable(Encode.UNDEFINED, Encode.UNDEFINED)});
        for (byte[] a : attributes) {
            messages.add(new Object[] {Encode.ATTRIBUTE, a});
        }
        ByteBuffer h = ObjectHeader.encode(messages);
        long at = file.allocate(h.remaining());
        file.write(at, h);
        return at;
    }

    /**
     * A new contiguous dataset linked as {@code path}: {@code dataBytes} bytes written by {@code data}, then its
     * object header.
     *
     * @param datatype   a datatype encoding ({@link #float64()}, {@link #int32()}, ...)
     * @param dims       the shape (empty for a scalar)
     * @param attributes attribute messages
     * @return the object header address
     * @throws IOException if the data cannot be written, or not exactly {@code dataBytes} bytes were given
     */
    public long createDataset(String path, byte[] datatype, long[] dims, long dataBytes, DataWriter data,
                              List<byte[]> attributes) throws IOException {
        long dataAt = file.allocate(Math.max(dataBytes, 1));
        long[] written = {0};
        data.write(buffer -> {
            int n = buffer.remaining();
            if (written[0] + n > dataBytes) {
                throw new IOException(path + ": more than the " + dataBytes + " bytes of the dataset");
            }
            file.write(dataAt + written[0], buffer);
            written[0] += n;
        });
        if (written[0] != dataBytes) {
            throw new IOException(path + ": " + written[0] + " bytes written, the dataset holds " + dataBytes);
        }
        List<Object[]> messages = new ArrayList<>();
        messages.add(new Object[] {Encode.DATASPACE, Encode.dataspace(dims)});
        messages.add(new Object[] {Encode.DATATYPE, datatype});
        messages.add(new Object[] {Encode.FILL_VALUE, Encode.fillValue()});
        messages.add(new Object[] {Encode.LAYOUT, Encode.contiguous(dataAt, dataBytes)});
        for (byte[] a : attributes) {
            messages.add(new Object[] {Encode.ATTRIBUTE, a});
        }
        ByteBuffer h = ObjectHeader.encode(messages);
        long at = file.allocate(h.remaining());
        file.write(at, h);
        int slash = path.lastIndexOf('/');
        link(slash < 0 ? "" : path.substring(0, slash), path.substring(slash + 1), at);
        return at;
    }

    /**
     * Links an existing object a second time (a hard link) and raises its reference count.
     *
     * @throws UnsupportedLayoutException if the object's header is not version 1
     * @throws IOException                as {@link #link}
     */
    public void hardLink(String path, long address) throws IOException {
        ObjectHeader.read(file, address);
        ByteBuffer count = file.read(address + 4, 4);
        file.write(address + 4, Encode.le(4).putInt(count.getInt(0) + 1).flip());
        int slash = path.lastIndexOf('/');
        link(slash < 0 ? "" : path.substring(0, slash), path.substring(slash + 1), address);
    }

    /**
     * Sets an attribute of the existing object at {@code path}: the message of the attribute of that name (or a
     * null message of at least 16 bytes) becomes a continuation to a new chunk holding {@code attribute}.
     *
     * @throws UnsupportedLayoutException if the header is not version 1 or has no message to reuse
     * @throws IOException                if the object does not exist
     */
    public void setAttribute(String path, String name, byte[] attribute) throws IOException {
        long at = path.isEmpty() ? groups.get("").header : find(path);
        if (at < 0) {
            throw new IOException("no object '/" + path + "'");
        }
        ObjectHeader h = ObjectHeader.read(file, at);
        ObjectHeader.Message reuse = h.attribute(file, name);
        if (reuse == null) {
            reuse = h.messages.stream().filter(m -> m.type() == Encode.NIL && m.size() >= 16).findFirst()
                    .orElseThrow(() -> new UnsupportedLayoutException("object '/" + path + "' has no room for a new "
                            + "attribute"));
        }
        List<Object[]> chunk = new ArrayList<>();
        chunk.add(new Object[] {Encode.ATTRIBUTE, attribute});
        ByteBuffer b = Encode.le(ObjectHeader.chunkSize(chunk));
        ObjectHeader.putChunk(b, chunk);
        long chunkAt = file.allocate(b.capacity());
        file.write(chunkAt, b.flip());
        file.write(reuse.headerAt(), Encode.le(8).putShort((short) Encode.CONTINUATION)
                .putShort((short) reuse.size()).putInt(0).flip());
        file.write(reuse.dataAt(), Encode.continuation(chunkAt, b.capacity()));
        file.write(at + 2, Encode.le(2).putShort((short) (h.messageCount + 1)).flip());
    }

    /**
     * Writes the new link tables of every group that changed, points their headers (and cached copies) at them and
     * sets the end of file. The file is valid HDF5 after this.
     *
     * @throws IOException on a write error
     */
    public void finish() throws IOException {
        List<GroupState> dirty = new ArrayList<>(groups.values().stream().filter(g -> g.dirty).toList());
        dirty.sort(Comparator.comparingInt((GroupState g) -> g.path.length()).reversed());
        for (GroupState g : dirty) {
            List<SymbolTable.Entry> links = new ArrayList<>();
            g.links.forEach((name, at) -> links.add(new SymbolTable.Entry(name, at, 0, -1)));
            long[] table = SymbolTable.write(file, links, leafK, internalK);
            file.write(g.symbolTableAt, Encode.symbolTable(table[0], table[1]));
            if (g.path.isEmpty()) {
                if (rootCacheType == 1) {
                    file.write(ROOT_ENTRY + 24, Encode.symbolTable(table[0], table[1]));
                }
            } else if (g.inParent != null && g.inParent.cacheType() == 1 && g.inParent.entryAt() >= 0
                    && !parentRewritten(g)) {
                file.write(g.inParent.entryAt() + 24, Encode.symbolTable(table[0], table[1]));
            }
        }
        file.write(40, Encode.le(8).putLong(file.end()).flip());
        file.finish();
    }

    private boolean parentRewritten(GroupState g) {
        int slash = g.path.lastIndexOf('/');
        GroupState parent = groups.get(slash < 0 ? "" : g.path.substring(0, slash));
        return parent != null && parent.dirty;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    // ------------------------------------------------------------------ encodings callers need

    /** The datatype of little-endian f64. */
    public static byte[] float64() {
        return Encode.f64();
    }

    /** The datatype of little-endian f32. */
    public static byte[] float32() {
        return Encode.f32();
    }

    /** The datatype of a signed little-endian integer of 1, 2, 4 or 8 bytes. */
    public static byte[] signed(int bytes) {
        return Encode.integer(bytes, true);
    }

    /** The datatype of h5py's bool. */
    public static byte[] bool() {
        return Encode.bool();
    }

    /** The datatype of a fixed-length, null-padded UTF-8 string of {@code bytes} bytes. */
    public static byte[] string(int bytes) {
        return Encode.string(bytes);
    }

    /** A scalar string attribute message. */
    public static byte[] stringAttribute(String name, String value) {
        return Encode.stringAttribute(name, value);
    }

    /** A 1-D string attribute message. */
    public static byte[] stringArrayAttribute(String name, List<String> values) {
        return Encode.stringArrayAttribute(name, values);
    }

    /** A scalar boolean attribute message (h5py's encoding). */
    public static byte[] boolAttribute(String name, boolean value) {
        return Encode.boolAttribute(name, value);
    }

    /** A 1-D int64 attribute message. */
    public static byte[] longArrayAttribute(String name, long... values) {
        return Encode.longArrayAttribute(name, values);
    }

    /** UTF-8 length of the longest string (at least 1): the width of a fixed-length string dataset. */
    public static int width(List<String> values) {
        int max = 1;
        for (String v : values) {
            max = Math.max(max, v.getBytes(StandardCharsets.UTF_8).length);
        }
        return max;
    }
}
