package org.flashdeconv.bench.scaling;

import java.util.List;

/**
 * The figures of one child run.
 *
 * @param caseName    "defaults" or "reference"
 * @param size        the slide
 * @param nnzPerSpot  mean stored entries per spot of the store
 * @param wallSeconds process start to exit, as the harness saw it
 * @param cpuSeconds  user + system CPU time of the process (last /proc reading)
 * @param peakRss     peak resident set (max of the readings and the child's VmHWM)
 * @param peakRssAnon peak anonymous resident memory (readings)
 * @param peakRssFile peak file-backed resident memory (readings)
 * @param peakHeap    peak Java heap the child reported
 * @param iterations  solver sweeps
 * @param converged   whether the solver converged
 * @param phases      per-stage figures in run order (start-up, engine stages, output)
 */
record RunResult(String caseName, SizeSpec size, double nnzPerSpot, double wallSeconds, double cpuSeconds,
                 long peakRss, long peakRssAnon, long peakRssFile, long peakHeap, int iterations, boolean converged,
                 List<Phase> phases) {

    /** CPU time over wall time (2 = both cores busy throughout on this machine). */
    double cpuPerWall() {
        return cpuSeconds / wallSeconds;
    }
}
