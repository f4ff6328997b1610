package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpanQueueTest {

    @Test
    void refusesPastItsCapacityAndKeepsOrder() {
        SpanPool pool = new SpanPool(0);
        SpanQueue queue = new SpanQueue(3);
        SpanRecord[] r = {pool.acquire(), pool.acquire(), pool.acquire(), pool.acquire()};
        assertThat(queue.offer(r[0])).isTrue();
        assertThat(queue.offer(r[1])).isTrue();
        assertThat(queue.offer(r[2])).isTrue();
        assertThat(queue.offer(r[3])).isFalse(); // exactly the configured size, not the power of two
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.poll()).isSameAs(r[0]);
        assertThat(queue.offer(r[3])).isTrue();
        assertThat(queue.poll()).isSameAs(r[1]);
        assertThat(queue.poll()).isSameAs(r[2]);
        assertThat(queue.poll()).isSameAs(r[3]);
        assertThat(queue.poll()).isNull();
    }

    @Test
    void handsEveryRecordAcrossThreadsInOrder() throws Exception {
        SpanQueue queue = new SpanQueue(128);
        SpanPool pool = new SpanPool(0);
        int total = 500_000;
        SpanRecord[] records = new SpanRecord[256];
        for (int i = 0; i < records.length; i++) records[i] = pool.acquire();
        long[] seen = new long[1];
        boolean[] inOrder = {true};
        Thread consumer = new Thread(() -> {
            long expected = 0;
            while (expected < total) {
                SpanRecord r = queue.poll();
                if (r == null) { Thread.onSpinWait(); continue; }
                if (r.spanId != expected) inOrder[0] = false;
                expected++;
            }
            seen[0] = expected;
        });
        consumer.start();
        for (int i = 0; i < total; i++) {
            SpanRecord r = records[i & 255];
            r.spanId = i;
            while (!queue.offer(r)) Thread.onSpinWait();
        }
        consumer.join(30_000);
        assertThat(seen[0]).isEqualTo(total);
        assertThat(inOrder[0]).isTrue();
    }
}
