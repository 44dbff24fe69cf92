/**
 * HDF5 inputs and outputs through jHDF (no native library): AnnData {@code .h5ad} and 10x
 * {@code filtered_feature_bc_matrix.h5} as {@link org.flashdeconv.io.source.CountSource}s read in slices
 * ({@link org.flashdeconv.io.h5.H5adSource}, {@link org.flashdeconv.io.h5.TenxH5Source}), AnnData dataframes
 * ({@link org.flashdeconv.io.h5.AnnDataFrame}), and the AnnData result file
 * ({@link org.flashdeconv.io.h5.H5adResultWriter}).
 */
package org.flashdeconv.io.h5;
