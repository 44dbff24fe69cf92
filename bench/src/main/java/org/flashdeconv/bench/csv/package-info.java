/**
 * How fast a coordinates CSV reads with the project's RFC 4180 reader and with commons-csv, FastCSV and
 * jackson-dataformat-csv ({@link org.flashdeconv.bench.csv.CsvReadBench}); the figures are in bench/README.md.
 */
package org.flashdeconv.bench.csv;
