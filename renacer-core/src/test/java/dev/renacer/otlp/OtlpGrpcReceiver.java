package dev.renacer.otlp;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** A real OTLP/gRPC receiver on loopback: grpc-java's server implementing the official TraceService. */
final class OtlpGrpcReceiver implements AutoCloseable {
    private final Server server;
    private final AtomicInteger requests = new AtomicInteger();
    final List<ExportTraceServiceRequest> accepted = new CopyOnWriteArrayList<>();
    /** Per request number: null to accept, else the gRPC status to fail with. */
    private volatile IntFunction<Status> policy = n -> null;

    OtlpGrpcReceiver() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new TraceServiceGrpc.TraceServiceImplBase() {
                    @Override
                    public void export(ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> response) {
                        Status failure = policy.apply(requests.getAndIncrement());
                        if (failure != null) {
                            response.onError(failure.asRuntimeException());
                            return;
                        }
                        accepted.add(request);
                        response.onNext(ExportTraceServiceResponse.getDefaultInstance());
                        response.onCompleted();
                    }
                })
                .build()
                .start();
    }

    OtlpGrpcReceiver failing(IntFunction<Status> policy) {
        this.policy = policy;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    int requestCount() {
        return requests.get();
    }

    List<io.opentelemetry.proto.trace.v1.Span> acceptedSpans() {
        return Received.spans(accepted);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
