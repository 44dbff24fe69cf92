/**
 * The files of a batch of slides: the manifest that lists them ({@link Manifest}, RFC 4180) and the one-row-per-slide
 * summaries ({@link SlideSummary}), shared by {@code flashdeconv batch} and the Spark application.
 */
package org.flashdeconv.io.batch;
