package org.flashdeconv.io.store;

/**
 * One row of the section table of a {@code .fdstore} header.
 *
 * @param kind   what the section holds
 * @param crc    CRC32C of the section's {@code length} bytes
 * @param offset byte offset in the file, a multiple of {@link StoreHeader#ALIGNMENT}
 * @param length length in bytes (without alignment padding)
 * @param items  number of elements (entries, strings, values) the section holds, for messages and checks
 */
public record SectionEntry(SectionKind kind, int crc, long offset, long length, long items) {
}
