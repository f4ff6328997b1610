package dev.renacer.otlp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One kept-alive HTTP/1.1 connection that POSTs a body and reads the status (the body of the answer
 * is read and dropped: an OTLP success carries nothing renacer uses). TCP_NODELAY is on, so a
 * request never waits for a delayed ACK. Plain http only; https and gzip go through the
 * OpenTelemetry exporter. Used by one thread.
 */
final class Http1Connection implements HttpTransport {
    private final URI endpoint;
    private final byte[] head;
    private final int connectTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] skip = new byte[8192];
    private final StringBuilder line = new StringBuilder(128);

    Http1Connection(URI endpoint, Map<String, String> headers, int connectTimeoutMillis) {
        this.endpoint = endpoint;
        this.connectTimeoutMillis = connectTimeoutMillis;
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        if (endpoint.getRawQuery() != null) path += "?" + endpoint.getRawQuery();
        StringBuilder h = new StringBuilder(256)
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(endpoint.getRawAuthority()).append("\r\n")
                .append("User-Agent: renacer\r\n")
                .append("Content-Type: application/x-protobuf\r\n");
        headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        h.append("Content-Length: ");
        this.head = h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Any I/O error closes the connection (the next call reconnects) and is thrown. */
    @Override
    public void post(byte[] body, int length, int timeoutMillis, HttpAnswer answer) throws IOException {
        answer.reset();
        try {
            if (socket == null) connect(Math.min(timeoutMillis, connectTimeoutMillis));
            socket.setSoTimeout(Math.max(1, timeoutMillis));
            out.write(head);
            writeDecimal(length);
            out.write('\r'); out.write('\n'); out.write('\r'); out.write('\n');
            out.write(body, 0, length);
            out.flush();
            readResponse(answer);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect(int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
            s.connect(new InetSocketAddress(endpoint.getHost(), port), Math.max(1, timeoutMillis));
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 8192);
            out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private void readResponse(HttpAnswer answer) throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.")) throw new IOException("not an HTTP response: " + statusLine);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        for (String header; !(header = readLine()).isEmpty(); ) {
            int colon = header.indexOf(':');
            if (colon < 0) continue;
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) contentLength = Long.parseLong(value);
            else if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = value.toLowerCase().contains("chunked");
            else if (name.equalsIgnoreCase("Connection")) close = value.equalsIgnoreCase("close");
            else if (name.equalsIgnoreCase("Retry-After")) answer.retryAfterMillis = HttpAnswer.parseRetryAfter(value, java.time.Instant.now());
        }
        if (chunked) {
            for (long size; (size = Long.parseLong(readLine().split(";")[0].trim(), 16)) > 0; ) {
                skipBytes(size);
                readLine();
            }
            while (!readLine().isEmpty()) { /* trailers */ }
        } else if (contentLength > 0) {
            skipBytes(contentLength);
        } else if (contentLength < 0 && status != 204 && status != 304) {
            close = true; // body runs to the end of the connection: don't reuse it
        }
        if (close) close();
        answer.status = status;
    }

    private void skipBytes(long n) throws IOException {
        while (n > 0) {
            int r = in.read(skip, 0, (int) Math.min(skip.length, n));
            if (r < 0) throw new EOFException("connection closed in the response body");
            n -= r;
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new EOFException("connection closed before the response ended");
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }

    private void writeDecimal(int v) throws IOException {
        if (v >= 10) writeDecimal(v / 10);
        out.write('0' + v % 10);
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
