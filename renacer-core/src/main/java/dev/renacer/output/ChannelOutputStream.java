package dev.renacer.output;

import java.io.OutputStream;

/**
 * Lets Jackson write into an {@link OutputChannel}. flush() does nothing: the channel decides when
 * bytes reach the destination, and it never throws, so Jackson never sees an I/O error.
 */
final class ChannelOutputStream extends OutputStream {
    private final OutputChannel channel;

    ChannelOutputStream(OutputChannel channel) {
        this.channel = channel;
    }

    @Override public void write(int b) { channel.write(new byte[] {(byte) b}, 0, 1); }
    @Override public void write(byte[] b, int off, int len) { channel.write(b, off, len); }
    @Override public void flush() {}
    @Override public void close() {}
}
