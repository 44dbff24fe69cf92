/**
 * The {@code .fdstore} file: a single, versioned, checksummed file holding a spots x genes count matrix in CSR
 * form with its totals, barcodes, gene names and ids and optional coordinates, written once
 * ({@link org.flashdeconv.io.store.StoreWriter}, {@link org.flashdeconv.io.store.StoreConverter}) and then
 * memory-mapped read-only for every run ({@link org.flashdeconv.io.store.CountStore}). The layout is documented
 * on {@link org.flashdeconv.io.store.StoreHeader}.
 */
package org.flashdeconv.io.store;
