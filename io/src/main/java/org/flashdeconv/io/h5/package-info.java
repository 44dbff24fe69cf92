/**
 * HDF5 inputs and outputs: AnnData {@code .h5ad} and 10x {@code filtered_feature_bc_matrix.h5} read through jHDF
 * (no native library) as {@link org.flashdeconv.io.source.CountSource}s in slices
 * ({@link org.flashdeconv.io.h5.H5adSource}, which also finds the raw counts and the gene names and ids,
 * {@link org.flashdeconv.io.h5.GeneLabels}; {@link org.flashdeconv.io.h5.TenxH5Source}), AnnData dataframes
 * ({@link org.flashdeconv.io.h5.AnnDataFrame}), and the AnnData result ({@link org.flashdeconv.io.h5.H5adOut},
 * {@link org.flashdeconv.io.h5.AnnDataResult}) written through {@link org.flashdeconv.io.h5.edit.H5Editor}.
 */
package org.flashdeconv.io.h5;
