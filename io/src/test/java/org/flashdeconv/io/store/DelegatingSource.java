package org.flashdeconv.io.store;

import org.flashdeconv.io.source.CountSource;
import org.flashdeconv.io.source.ForwardingSource;

/** A source that forwards everything; tests override one method to inject a fault. */
class DelegatingSource extends ForwardingSource {
    DelegatingSource(CountSource inner) {
        super(inner);
    }
}
