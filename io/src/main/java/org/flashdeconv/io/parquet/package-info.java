/**
 * A small writer of Apache Parquet files (format 2.x, data page v1, PLAIN values, RLE definition levels, gzip
 * pages), enough for flat tables of strings and doubles: the combined proportions table of {@code batch}. It needs
 * no jar beyond the JDK; the Thrift compact encoding of the page headers and the footer is in {@link ThriftCompact}.
 */
package org.flashdeconv.io.parquet;
