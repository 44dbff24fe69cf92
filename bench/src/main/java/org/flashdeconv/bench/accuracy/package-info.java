/** Accuracy studies on simulated slides (the λ guidance of the README). */
package org.flashdeconv.bench.accuracy;
