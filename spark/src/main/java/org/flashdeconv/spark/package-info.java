/**
 * {@code flashdeconv batch} as an Apache Spark application ({@link org.flashdeconv.spark.BatchApp}, for
 * spark-submit): one task per slide, the reference read once on the driver and broadcast, inputs and outputs through
 * Hadoop's FileSystem (local, HDFS, object stores), each slide's files committed by rename so a retried or
 * speculative task never duplicates rows. Spark is provided by the cluster; nothing outside this module uses it.
 */
package org.flashdeconv.spark;
