package org.flashdeconv.io.source;

import java.io.IOException;

/**
 * Thrown by a {@link CountSource.EntryConsumer} to end {@link CountSource#forEachEntry} once it has seen what it
 * needed; the reader that threw it catches it around its own {@code forEachEntry} call. Control flow, not an error:
 * it carries no stack trace.
 */
public final class StopReading extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param why what was seen (for a debugger; it never reaches a user) */
    public StopReading(String why) {
        super(why);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
