package dev.renacer.otlp;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the transport under the OpenTelemetry OTLP/HTTP exporter: the JDK HttpClient sender. That
 * exporter serves https, gzip and {@code --otlp-sdk-exporter}; the default plain-http OTLP/HTTP path is
 * renacer's own writer ({@link DirectOtlpHttpExporter}), which uses neither sender.
 *
 * <p>Measured reason (docs/otlp.md): with the OkHttp sender each 512-span request took ~20-25 ms on
 * loopback, the thread parked waiting for the response while the last body segment sat in the
 * client's socket behind Nagle's algorithm and the receiver's delayed ACK; OkHttp leaves TCP_NODELAY
 * off and the exporter offers no socket factory. The JDK sender took ~2 ms for the same request.
 * Both providers are on the class path (OkHttp still carries OTLP/gRPC), so the choice is made per
 * exporter with a filtering {@link ComponentLoader} rather than a JVM-wide system property.
 */
final class SenderChoice {
    private static final String JDK_SENDER = "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider";

    private SenderChoice() {}

    static ComponentLoader preferJdkHttpSender() {
        ComponentLoader services = ComponentLoader.forClassLoader(SenderChoice.class.getClassLoader());
        return new ComponentLoader() {
            @Override
            public <T> Iterable<T> load(Class<T> spi) {
                Iterable<T> all = services.load(spi);
                if (spi != HttpSenderProvider.class) return all;
                List<T> jdk = new ArrayList<>();
                List<T> others = new ArrayList<>();
                for (T provider : all) (provider.getClass().getName().equals(JDK_SENDER) ? jdk : others).add(provider);
                return jdk.isEmpty() ? others : jdk;
            }
        };
    }
}
