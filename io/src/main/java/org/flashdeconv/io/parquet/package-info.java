/**
 * Small Apache Parquet support without a jar beyond the JDK. {@link org.flashdeconv.io.parquet.ParquetWriter}
 * writes flat tables of strings and doubles (format 2.x, data page v1, PLAIN values, RLE definition levels, gzip
 * pages): the combined proportions table of {@code batch}; the Thrift compact encoding of its page headers and
 * footer is in {@code ThriftCompact}. {@link org.flashdeconv.io.parquet.ParquetReader} reads flat tables such as
 * Space Ranger's {@code tissue_positions.parquet}: data pages v1 and v2, PLAIN and dictionary values, optional
 * columns, uncompressed, snappy ({@code Snappy}) or gzip pages, one row group at a time ({@code ThriftReader},
 * {@code ColumnChunkDecoder}, {@code Rle}). The alternative, parquet-mr 1.17 with Hadoop, is about 31 MB of jars
 * (parquet-column/-common/-encoding/-format-structures/-hadoop/-jackson 9.2 MB, snappy-java 2.4 MB,
 * hadoop-client-api 19.8 MB).
 */
package org.flashdeconv.io.parquet;
