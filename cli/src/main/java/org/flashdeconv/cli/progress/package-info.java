/**
 * Progress display for the command line: {@link org.flashdeconv.cli.progress.ProgressBars#create(boolean)} gives
 * the commands a thread-safe {@link org.flashdeconv.engine.Progress} that draws bars on stderr in a terminal and
 * stays silent otherwise.
 */
package org.flashdeconv.cli.progress;
