package dev.renacer.otlp;

import java.io.IOException;

/** Where an encoded OTLP/HTTP request goes: one POST, its answer back. Transport only: no encoding, no retries. */
interface HttpTransport extends AutoCloseable {
    /**
     * Sends {@code length} bytes of {@code body} and fills {@code answer} (status, Retry-After) from the response.
     *
     * @param timeoutMillis bound on connecting, sending and waiting for the answer
     * @throws IOException when the request could not be sent or answered (the next call starts afresh)
     */
    void post(byte[] body, int length, int timeoutMillis, HttpAnswer answer) throws IOException;

    /** Drops the connection; a request blocked on it fails. */
    @Override
    void close();
}
