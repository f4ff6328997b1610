package dev.renacer.otlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP/HTTP receiver on loopback: the JDK's HTTP/1.1 server decoding each body with the
 * official schema ({@code ExportTraceServiceRequest} from opentelemetry-proto). A policy chooses,
 * per request number (0, 1, ...), how to answer, so tests can make the collector fail.
 */
final class OtlpHttpReceiver implements AutoCloseable {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // no 40 ms Nagle/delayed-ACK stalls
    }

    /** How to answer one request. */
    record Answer(int status, long delayMillis, String retryAfter) {
        static final Answer OK = new Answer(200, 0, null);
        static Answer status(int code) { return new Answer(code, 0, null); }
        static Answer slow(long millis) { return new Answer(200, millis, null); }
        /** {@code code} with a Retry-After header (seconds or an HTTP-date). */
        static Answer retryAfter(int code, String value) { return new Answer(code, 0, value); }
    }

    /** When each request arrived ({@link System#nanoTime}), in order. */
    final List<Long> arrivals = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    /** Requests answered 200: what the collector accepted. */
    final List<ExportTraceServiceRequest> accepted = new CopyOnWriteArrayList<>();
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private volatile IntFunction<Answer> policy = n -> Answer.OK;

    OtlpHttpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-otlp-http-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    OtlpHttpReceiver answering(IntFunction<Answer> policy) {
        this.policy = policy;
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requestCount() {
        return requests.get();
    }

    List<io.opentelemetry.proto.trace.v1.Span> acceptedSpans() {
        return Received.spans(accepted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = requests.getAndIncrement();
        arrivals.add(System.nanoTime());
        try (exchange) {
            exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), String.join(",", v)));
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
            Answer answer = policy.apply(n);
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (answer.status() == 200) {
                accepted.add(request); // before answering: the client may look as soon as it has the answer
                byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
                if (ok.length > 0) try (OutputStream out = exchange.getResponseBody()) { out.write(ok); }
            } else {
                if (answer.retryAfter() != null) exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
                exchange.sendResponseHeaders(answer.status(), -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
