/**
 * Deterministic parallelism: fixed-size blocks whose boundaries do not depend on the thread count, so that
 * per-block results reduced in block order are bit-identical for any number of threads.
 */
package org.flashdeconv.engine.parallel;
