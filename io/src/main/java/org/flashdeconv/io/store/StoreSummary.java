package org.flashdeconv.io.store;

import java.nio.file.Path;
import org.flashdeconv.engine.matrix.ValueType;

/**
 * What a finished store holds, as returned by {@link StoreWriter#finish()} and {@link StoreConverter}.
 *
 * @param path      the store file
 * @param spots     rows
 * @param genes     columns
 * @param nnz       stored entries
 * @param valueType element type chosen for the values
 * @param coordDim  coordinate columns, 0 if none
 * @param nonIntegerValues true if some value is not an integer (normalised data rather than counts?)
 */
public record StoreSummary(Path path, long spots, int genes, long nnz, ValueType valueType, int coordDim,
                           boolean nonIntegerValues) {
}
