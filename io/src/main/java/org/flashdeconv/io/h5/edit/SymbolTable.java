package org.flashdeconv.io.h5.edit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The links of an old-style (symbol table) group: a version 1 B-tree of type 0 (spec III.A.1) whose leaves are
 * symbol table nodes ("SNOD", III.C) of 40-byte entries, with the link names in a local heap ("HEAP", III.D).
 * {@link #read} lists a group's entries and where each sits; {@link #write} lays out a new B-tree, nodes and heap
 * for a sorted list of links.
 */
final class SymbolTable {
    private static final int ENTRY = 40;
    private static final int NODE_HEADER = 24;
    /** H5HL_FREE_NULL: the local heap has no free block. */
    private static final long FREE_NULL = 1;

    /**
     * A link of a group as stored in a symbol table entry.
     *
     * @param name      the link name
     * @param address   the object header it points to
     * @param cacheType 0 (nothing cached) or 1 (a group: its B-tree and heap cached in {@code scratch})
     * @param entryAt   where the entry sits in the file (for in-place updates), or -1 for a new link
     */
    record Entry(String name, long address, int cacheType, long entryAt) {
    }

    private SymbolTable() {
    }

    /**
     * The entries of the group whose B-tree and local heap are at {@code btree} and {@code heap}.
     *
     * @throws IOException if a structure is not what the specification says
     */
    static List<Entry> read(H5Out file, long btree, long heap) throws IOException {
        ByteBuffer h = file.read(heap, 32);
        expect(h, "HEAP", heap);
        int dataSize = Math.toIntExact(h.getLong(8));
        ByteBuffer names = file.read(h.getLong(24), dataSize);
        List<Entry> out = new ArrayList<>();
        readNode(file, btree, names, out, 0);
        return out;
    }

    private static void readNode(H5Out file, long at, ByteBuffer names, List<Entry> out, int depth)
            throws IOException {
        if (depth > 32) {
            throw new IOException("group B-tree at " + at + " is deeper than 32 levels");
        }
        ByteBuffer head = file.read(at, NODE_HEADER);
        expect(head, "TREE", at);
        if (head.get(4) != 0) {
            throw new IOException("B-tree at " + at + " is of type " + head.get(4) + ", not a group's");
        }
        int level = head.get(5);
        int used = Short.toUnsignedInt(head.getShort(6));
        ByteBuffer body = file.read(at + NODE_HEADER, used * 16 + 8);
        for (int i = 0; i < used; i++) {
            long child = body.getLong(8 + 16 * i);
            if (level > 0) {
                readNode(file, child, names, out, depth + 1);
            } else {
                ByteBuffer node = file.read(child, 8);
                expect(node, "SNOD", child);
                int symbols = Short.toUnsignedInt(node.getShort(6));
                ByteBuffer entries = file.read(child + 8, symbols * ENTRY);
                for (int s = 0; s < symbols; s++) {
                    int e = s * ENTRY;
                    out.add(new Entry(name(names, entries.getLong(e)), entries.getLong(e + 8),
                            entries.getInt(e + 16), child + 8 + e));
                }
            }
        }
    }

    private static String name(ByteBuffer names, long offset) throws IOException {
        int start = Math.toIntExact(offset);
        int end = start;
        while (end < names.limit() && names.get(end) != 0) {
            end++;
        }
        if (end >= names.limit()) {
            throw new IOException("local heap: name at offset " + offset + " is not terminated");
        }
        byte[] b = new byte[end - start];
        names.get(start, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void expect(ByteBuffer b, String signature, long at) throws IOException {
        byte[] s = new byte[4];
        b.get(0, s);
        if (!Arrays.equals(s, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new IOException("expected " + signature + " at offset " + at + ", found "
                    + new String(s, StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Writes a B-tree, symbol table nodes and a local heap for {@code links} (name, object header address), sorted
     * here by the bytes of the name as the HDF5 library compares them. Every entry caches nothing (type 0).
     *
     * @return {B-tree address, local heap address}
     */
    static long[] write(H5Out file, List<Entry> links, int leafK, int internalK) throws IOException {
        List<byte[]> names = new ArrayList<>();
        List<Entry> sorted = new ArrayList<>(links);
        sorted.sort((a, b) -> Arrays.compareUnsigned(a.name().getBytes(StandardCharsets.UTF_8),
                b.name().getBytes(StandardCharsets.UTF_8)));
        // the heap: "" at offset 0 (the B-tree's leftmost key), then each name, 8-byte aligned
        long[] nameAt = new long[sorted.size()];
        int size = 8;
        for (int i = 0; i < sorted.size(); i++) {
            byte[] n = sorted.get(i).name().getBytes(StandardCharsets.UTF_8);
            names.add(n);
            nameAt[i] = size;
            size += Encode.pad8(n.length + 1);
        }
        ByteBuffer heap = Encode.le(32 + size);
        heap.put("HEAP".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put(new byte[3]).putLong(size)
                .putLong(FREE_NULL);
        long heapAt = file.allocate(32 + size);
        heap.putLong(heapAt + 32);
        for (int i = 0; i < names.size(); i++) {
            heap.put(32 + (int) nameAt[i], names.get(i));
        }
        file.write(heapAt, heap.rewind());

        // leaves: symbol table nodes of up to 2 leafK entries (none for an empty group: a B-tree without children)
        int perNode = 2 * leafK;
        List<long[]> level = new ArrayList<>(); // {address, index of the last entry below}
        if (sorted.isEmpty()) {
            return new long[] {treeLevel(file, level, 0, internalK, nameAt).get(0)[0], heapAt};
        }
        for (int first = 0; first < sorted.size(); first += perNode) {
            int n = Math.min(perNode, sorted.size() - first);
            ByteBuffer node = Encode.le(8 + perNode * ENTRY);
            node.put("SNOD".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) n);
            for (int i = 0; i < n; i++) {
                node.putLong(nameAt[first + i]).putLong(sorted.get(first + i).address()).putInt(0).putInt(0)
                        .putLong(0).putLong(0);
            }
            long at = file.allocate(node.capacity());
            file.write(at, node.rewind());
            level.add(new long[] {at, first + n - 1});
        }
        // B-tree levels of up to 2 internalK children until one node is left
        int height = 0;
        do {
            level = treeLevel(file, level, height++, internalK, nameAt);
        } while (level.size() > 1);
        return new long[] {level.get(0)[0], heapAt};
    }

    private static List<long[]> treeLevel(H5Out file, List<long[]> children, int height, int internalK,
                                          long[] nameAt) throws IOException {
        int perNode = 2 * internalK;
        int nodeBytes = NODE_HEADER + perNode * 8 + (perNode + 1) * 8;
        int nodes = Math.max(1, (children.size() + perNode - 1) / perNode);
        long[] addresses = new long[nodes];
        for (int i = 0; i < nodes; i++) {
            addresses[i] = file.allocate(nodeBytes);
        }
        List<long[]> parents = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            int first = i * perNode;
            int n = Math.min(perNode, children.size() - first);
            ByteBuffer node = Encode.le(nodeBytes);
            node.put("TREE".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) height).putShort((short) n)
                    .putLong(i == 0 ? Encode.UNDEFINED : addresses[i - 1])
                    .putLong(i == nodes - 1 ? Encode.UNDEFINED : addresses[i + 1]);
            // key j bounds child j from the left: "" first, then the last name below the previous child
            node.putLong(first == 0 ? 0 : key(children.get(first - 1)[1], nameAt));
            for (int c = 0; c < n; c++) {
                node.putLong(children.get(first + c)[0]).putLong(key(children.get(first + c)[1], nameAt));
            }
            file.write(addresses[i], node.rewind());
            parents.add(new long[] {addresses[i], n == 0 ? -1 : children.get(first + n - 1)[1]});
        }
        return parents;
    }

    private static long key(long lastEntry, long[] nameAt) {
        return lastEntry < 0 ? 0 : nameAt[(int) lastEntry];
    }
}
