/**
 * Reference cell-type signatures ({@link org.flashdeconv.io.reference.Reference}): read from a CSV
 * ({@link org.flashdeconv.io.reference.SignatureCsv}) or built as per-type means from single cells
 * ({@link org.flashdeconv.io.reference.SingleCellReference}, {@link org.flashdeconv.io.reference.CellTypeMeans}),
 * with the warnings returned alongside ({@link org.flashdeconv.io.reference.LoadedReference}).
 */
package org.flashdeconv.io.reference;
