package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

class SpanQueueTest {

    /**
     * The producer's and the consumer's fields are two cache lines (128 bytes) apart from each other,
     * from the read-only fields and from the next object, whatever order the JVM gives fields within a
     * class: the padding goes through the class hierarchy (read here with JOL, on this JVM).
     */
    @Test
    void producerAndConsumerFieldsSitOnCacheLinesOfTheirOwn() {
        ClassLayout layout = ClassLayout.parseClass(SpanQueue.class);
        Map<String, FieldLayout> fields = layout.fields().stream().collect(Collectors.toMap(FieldLayout::name, f -> f));
        long coldEnd = end(fields, "buffer", "mask", "capacity");
        long producerStart = start(fields, "tail", "headCache");
        long consumerStart = start(fields, "head", "tailCache");
        assertThat(producerStart - coldEnd).as("read-only fields to producer").isGreaterThanOrEqualTo(128);
        assertThat(consumerStart - end(fields, "tail", "headCache")).as("producer to consumer").isGreaterThanOrEqualTo(128);
        assertThat(layout.instanceSize() - end(fields, "head", "tailCache")).as("consumer to the next object").isGreaterThanOrEqualTo(128);
        assertThat(producerStart).as("the previous object to the producer").isGreaterThanOrEqualTo(128);
    }

    private static long start(Map<String, FieldLayout> fields, String... names) {
        long start = Long.MAX_VALUE;
        for (String n : names) start = Math.min(start, fields.get(n).offset());
        return start;
    }

    private static long end(Map<String, FieldLayout> fields, String... names) {
        long end = 0;
        for (String n : names) end = Math.max(end, fields.get(n).offset() + fields.get(n).size());
        return end;
    }

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
