package org.flashdeconv.io.store;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.flashdeconv.engine.matrix.Layouts;
import org.flashdeconv.engine.matrix.ValueType;

/**
 * The fixed-size header of a {@code .fdstore} file (format version 1), all little-endian:
 *
 * <pre>
 * offset size field
 *      0    8 magic "FDSTORE" 0x1A
 *      8    4 format version (1)
 *     12    4 flags: bit 0 ({@link #FLAG_NON_INTEGER}) set when some value is not an integer; others 0
 *     16    8 n_spots
 *     24    8 n_genes
 *     32    8 nnz
 *     40    4 value type: bytes per value (4 = f32, 8 = f64)
 *     44    4 coordinate dimension (0 = no coordinates, else 2 or 3)
 *     48    8 logical file length in bytes (the file may be longer, never shorter)
 *     56    4 number of sections in the table (at most 32)
 *     60    4 CRC32C of bytes [0, 60) and [64, 1088)
 *     64 1024 section table: 32 rows of 32 bytes: kind u32, crc32c u32, offset i64, length i64, items i64
 *   1088      first section
 * </pre>
 *
 * Sections start at multiples of 64 bytes. Their kinds and element layouts are listed in {@link SectionKind};
 * string tables hold i64 offsets[count + 1] (relative to the byte area, from 0) followed by the UTF-8 bytes.
 * Readers ignore section kinds they do not know.
 *
 * @param version    format version
 * @param flags      flags ({@link #FLAG_NON_INTEGER}; other bits reserved, 0)
 * @param spots      n_spots
 * @param genes      n_genes
 * @param nnz        stored entries
 * @param valueType  element type of the values section
 * @param coordDim   coordinate columns, 0 if none
 * @param fileLength logical file length
 * @param sections   the section table, in file order
 */
public record StoreHeader(int version, int flags, long spots, long genes, long nnz, ValueType valueType,
                          int coordDim, long fileLength, List<SectionEntry> sections) {
    /** The magic bytes at offset 0. */
    static final byte[] MAGIC = {'F', 'D', 'S', 'T', 'O', 'R', 'E', 0x1A};
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    /**
     * Flag bit: some stored value is not an integer (normalised rather than raw counts?). Stores written before
     * the bit existed have it clear whatever their values.
     */
    public static final int FLAG_NON_INTEGER = 1;
    /** Rows in the section table. */
    public static final int MAX_SECTIONS = 32;
    /** Bytes of one section-table row. */
    static final int ENTRY_BYTES = 32;
    /** Offset of the section table. */
    static final int TABLE_OFFSET = 64;
    /** Header size; the first section starts here. */
    public static final int HEADER_BYTES = TABLE_OFFSET + MAX_SECTIONS * ENTRY_BYTES;
    /** Alignment of every section start. */
    public static final int ALIGNMENT = 64;
    static final long VERSION_OFFSET = 8;
    static final long CRC_OFFSET = 60;

    /** Returns {@code offset} rounded up to the next multiple of {@link #ALIGNMENT}. */
    static long align(long offset) {
        return Math.addExact(offset, ALIGNMENT - 1) & -ALIGNMENT;
    }

    /** The section of {@code kind}, or null. */
    SectionEntry find(SectionKind kind) {
        for (SectionEntry e : sections) {
            if (e.kind().equals(kind)) {
                return e;
            }
        }
        return null;
    }

    /** The header as {@link #HEADER_BYTES} bytes, with its checksum. */
    byte[] encode() {
        if (sections.size() > MAX_SECTIONS) {
            throw new IllegalStateException("a store holds at most " + MAX_SECTIONS + " sections");
        }
        byte[] out = new byte[HEADER_BYTES];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(version).putInt(flags).putLong(spots).putLong(genes).putLong(nnz)
                .putInt(valueType.bytes()).putInt(coordDim).putLong(fileLength).putInt(sections.size());
        b.position(TABLE_OFFSET);
        for (SectionEntry e : sections) {
            b.putInt(e.kind().code()).putInt(e.crc()).putLong(e.offset()).putLong(e.length()).putLong(e.items());
        }
        b.putInt((int) CRC_OFFSET, checksum(MemorySegment.ofArray(out)));
        return out;
    }

    /** CRC32C of the header bytes, skipping the checksum field itself. */
    static int checksum(MemorySegment header) {
        CRC32C crc = new CRC32C();
        crc.update(header.asSlice(0, CRC_OFFSET).asByteBuffer());
        crc.update(header.asSlice(TABLE_OFFSET, HEADER_BYTES - TABLE_OFFSET).asByteBuffer());
        return (int) crc.getValue();
    }

    /**
     * Parses and checks the header at the start of {@code file} (magic, version, checksum, the table's bounds
     * and alignment against {@code fileSize}).
     *
     * @throws StoreFormatException    on a short file, bad magic, unknown version, bad value type or dimension,
     *                                 a section out of bounds, misaligned, overlapping the header or repeated
     * @throws StoreChecksumException  if the header checksum does not match
     */
    static StoreHeader read(Path path, MemorySegment file, long fileSize) throws StoreFormatException {
        if (fileSize < HEADER_BYTES) {
            throw new StoreFormatException(path, "header", fileSize, "truncated: the file has " + fileSize
                    + " bytes, shorter than the " + HEADER_BYTES + "-byte header");
        }
        byte[] magic = file.asSlice(0, MAGIC.length).toArray(ValueLayout.JAVA_BYTE);
        if (!Arrays.equals(magic, MAGIC)) {
            HexFormat hex = HexFormat.of();
            throw new StoreFormatException(path, "header", 0, "bad magic: expected " + hex.formatHex(MAGIC)
                    + ", found " + hex.formatHex(magic) + " (not a .fdstore file)");
        }
        int version = file.get(Layouts.I32, VERSION_OFFSET);
        if (version != VERSION) {
            throw new StoreFormatException(path, "header", VERSION_OFFSET, "unsupported format version "
                    + version + " (this reader knows version " + VERSION + ")");
        }
        int stored = file.get(Layouts.I32, CRC_OFFSET);
        int computed = checksum(file);
        if (stored != computed) {
            throw new StoreChecksumException(path, "header", 0, HEADER_BYTES, stored, computed);
        }
        int flags = file.get(Layouts.I32, 12);
        long spots = file.get(Layouts.I64, 16);
        long genes = file.get(Layouts.I64, 24);
        long nnz = file.get(Layouts.I64, 32);
        int valueBytes = file.get(Layouts.I32, 40);
        int dim = file.get(Layouts.I32, 44);
        long length = file.get(Layouts.I64, 48);
        int count = file.get(Layouts.I32, 56);
        if (spots < 0 || genes < 0 || genes > Integer.MAX_VALUE || nnz < 0) {
            throw new StoreFormatException(path, "header", 16, "bad shape: " + spots + " spots, " + genes
                    + " genes, " + nnz + " entries");
        }
        ValueType vt = switch (valueBytes) {
            case 4 -> ValueType.F32;
            case 8 -> ValueType.F64;
            default -> throw new StoreFormatException(path, "header", 40, "bad value type " + valueBytes
                    + " (expected 4 or 8)");
        };
        if (dim != 0 && dim != 2 && dim != 3) {
            throw new StoreFormatException(path, "header", 44, "bad coordinate dimension " + dim
                    + " (expected 0, 2 or 3)");
        }
        if (length > fileSize) {
            throw new StoreFormatException(path, "header", fileSize, "truncated: the header records " + length
                    + " bytes, the file has " + fileSize);
        }
        if (length < HEADER_BYTES) {
            throw new StoreFormatException(path, "header", 48, "bad logical length " + length);
        }
        if (spots > length / Long.BYTES || nnz > length / Integer.BYTES) {
            throw new StoreFormatException(path, "header", 16, "shape of " + spots + " spots and " + nnz
                    + " entries cannot fit in " + length + " bytes");
        }
        if (count < 0 || count > MAX_SECTIONS) {
            throw new StoreFormatException(path, "header", 56, "bad section count " + count);
        }
        List<SectionEntry> sections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = TABLE_OFFSET + (long) i * ENTRY_BYTES;
            int code = file.get(Layouts.I32, at);
            long offset = file.get(Layouts.I64, at + 8);
            long len = file.get(Layouts.I64, at + 16);
            if (code < 1) {
                throw new StoreFormatException(path, "header", at, "bad section kind " + code);
            }
            SectionEntry e = new SectionEntry(new SectionKind(code), file.get(Layouts.I32, at + 4), offset, len,
                    file.get(Layouts.I64, at + 24));
            if (offset < HEADER_BYTES || offset % ALIGNMENT != 0 || len < 0 || len > length - offset) {
                throw new StoreFormatException(path, e.kind().label(), at, "section at offset " + offset
                        + " with " + len + " bytes lies outside the file's " + length + " bytes or is not "
                        + ALIGNMENT + "-byte aligned");
            }
            for (SectionEntry other : sections) {
                if (other.kind().equals(e.kind())) {
                    throw new StoreFormatException(path, e.kind().label(), at, "section kind repeated");
                }
            }
            for (SectionEntry other : sections) {
                // sections must be disjoint: a crafted table could make two views share bytes (issue 11.9)
                if (e.length() > 0 && other.length() > 0 && e.offset() < other.offset() + other.length()
                        && other.offset() < e.offset() + e.length()) {
                    throw new StoreFormatException(path, e.kind().label(), at, "section at offset " + offset
                            + " with " + len + " bytes overlaps section " + other.kind().label() + " at offset "
                            + other.offset() + " with " + other.length() + " bytes");
                }
            }
            sections.add(e);
        }
        return new StoreHeader(version, flags, spots, genes, nnz, vt, dim, length, List.copyOf(sections));
    }
}
