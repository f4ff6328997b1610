package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SpanPoolTest {

    @Test
    void reusesReleasedRecordsAndCountsHitsAndMisses() {
        SpanPool pool = new SpanPool(2);
        SpanRecord a = pool.acquire();
        SpanRecord b = pool.acquire();
        SpanRecord c = pool.acquire(); // exhausted: grows
        assertThat(pool.stats()).isEqualTo(new SpanPool.Stats(2, 3, 2, 1));
        pool.release(c);
        pool.releaseAll(List.of(a, b));
        Set<SpanRecord> again = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 3; i++) again.add(pool.acquire());
        assertThat(again).containsExactlyInAnyOrder(a, b, c);
        assertThat(pool.stats().records()).isEqualTo(3);
        assertThat(pool.stats().hitRate()).isEqualTo(5 / 6.0);
    }

    @Test
    void releasedRecordsForgetTheirStrings() {
        SpanPool pool = new SpanPool(1);
        SpanRecord r = pool.acquire();
        r.identify("0af7651916cd43dd8448eb211c80319c", 42, null, false);
        r.prepareForExport(new StringCache());
        assertThat(r.getSpanId()).isEqualTo("000000000000002a");
        pool.release(r);
        SpanRecord again = pool.acquire();
        again.identify("0af7651916cd43dd8448eb211c80319c", 43, null, false);
        assertThat(again.getSpanId()).isEqualTo("000000000000002b");
    }

    @Test
    void acquireOnOneThreadReleaseOnAnotherLosesAndDuplicatesNothing() throws Exception {
        SpanPool pool = new SpanPool(64);
        BlockingQueue<SpanRecord> handoff = new ArrayBlockingQueue<>(256);
        int total = 200_000;
        Thread releaser = new Thread(() -> {
            try {
                List<SpanRecord> batch = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    batch.add(handoff.take());
                    if (batch.size() == 16) {
                        pool.releaseAll(batch);
                        batch.clear();
                    }
                }
                pool.releaseAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        releaser.start();
        Set<SpanRecord> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < total; i++) {
            SpanRecord r = pool.acquire();
            assertThat(r.nextFree).isNull();
            r.spanId = i;
            handoff.put(r);
        }
        releaser.join(TimeUnit.SECONDS.toMillis(30));
        int made = (int) pool.stats().records();
        for (int i = 0; i < made; i++) inFlight.add(pool.acquire());
        assertThat(inFlight).hasSize(made); // every record came back, none twice
        SpanPool.Stats stats = pool.stats();
        assertThat(stats.hits() + stats.misses()).isEqualTo(total + inFlight.size());
        assertThat(stats.records()).isLessThan(64 + 256 + 64); // grew to what was in flight, not per span
    }
}
