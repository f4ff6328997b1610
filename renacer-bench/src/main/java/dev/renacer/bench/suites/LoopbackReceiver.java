package dev.renacer.bench.suites;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OTLP/HTTP endpoint on loopback that reads every request body to the end and answers 200 with an
 * empty ExportTraceServiceResponse. It does not decode: the benchmarks measure the exporter, and
 * decoding is the collector's cost. A receiver made with a per-request delay is a collector slower
 * than the producer (queue_saturation).
 */
public final class LoopbackReceiver implements AutoCloseable {
    static {
        // The JDK server leaves Nagle's algorithm on by default: with the client's delayed ACKs every
        // response then waits ~40 ms, and the benchmark would measure that instead of the exporter.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    public final AtomicLong requests = new AtomicLong();
    public final AtomicLong bytes = new AtomicLong();

    public LoopbackReceiver() throws IOException {
        this(0);
    }

    /** @param delayMicros how long each request is held before the answer (0: none) */
    public LoopbackReceiver(long delayMicros) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-loopback-receiver");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[1 << 16]);
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                byte[] buffer = buffers.get();
                long n = 0;
                InputStream in = exchange.getRequestBody();
                for (int r; (r = in.read(buffer)) > 0; ) n += r;
                bytes.addAndGet(n);
                if (delayMicros > 0) java.util.concurrent.locks.LockSupport.parkNanos(delayMicros * 1000);
                requests.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
