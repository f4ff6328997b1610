package dev.renacer.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.renacer.output.CsvSink;
import dev.renacer.output.JsonSink;
import dev.renacer.output.OutputChannel;
import dev.renacer.stats.SortOrder;
import dev.renacer.syscall.Errno;
import dev.renacer.syscall.SyscallTable;
import dev.renacer.trace.ProcessInfo;
import dev.renacer.trace.SyscallEvent;
import dev.renacer.trace.TraceListener;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON, CSV and OTLP name a call's errno alike, from the call's return value: strace counts a call
 * interrupted with ERESTARTSYS as failed (-c's errors, -e status=failed), so every format names
 * ERESTARTSYS although the trace line prints it as {@code = ? ERESTARTSYS (...)}, not {@code -1 ...};
 * an errno without a name is its number, as the trace line prints it.
 */
class ErrnoInEveryFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The calls: returned value, and the errno every format must give (null: not failed). */
    private static final Object[][] CALLS = {
        {"openat", -2L, "ENOENT"},
        {"wait4", -512L, "ERESTARTSYS"},
        {"nanosleep", -516L, "ERESTART_RESTARTBLOCK"},
        {"read", -4000L, "4000"},
        {"getpid", 42L, null},
        {"mmap", -4096L, null}, // an address just below the errno range, not an error
    };

    @Test
    void jsonCsvAndOtlpGiveTheSameErrnoForEachCall(@TempDir Path dir) throws Exception {
        List<String> expected = new ArrayList<>();
        for (Object[] c : CALLS) expected.add((String) c[2]);

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        Path otlp = dir.resolve("trace.jsonl");
        PrintStream stderr = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        run(new JsonSink(channel(json, stderr), List.of("app"), true, false, null, SortOrder.TIME));
        run(new CsvSink(channel(csv, stderr), true, false, null, SortOrder.TIME));
        run(OtlpExport.start(OtlpSettings.builder().file(otlp).environment(Map.of()).build(), stderr));

        List<String> fromJson = new ArrayList<>();
        for (JsonNode event : JSON.readTree(json.toString(StandardCharsets.UTF_8)).get("events")) {
            if (event.get("type").asText().equals("syscall")) fromJson.add(event.get("errno").isNull() ? null : event.get("errno").asText());
        }
        assertThat(fromJson).as("JSON").isEqualTo(expected);

        // every field but "errno" is free of commas here, so splitting the rows is enough
        List<String> rows = Arrays.asList(csv.toString(StandardCharsets.UTF_8).split("\r\n"));
        int column = Arrays.asList(rows.get(0).split(",")).indexOf("errno");
        List<String> fromCsv = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            if (!row.startsWith("syscall,")) continue;
            String errno = row.split(",", -1)[column];
            fromCsv.add(errno.isEmpty() ? null : errno);
        }
        assertThat(fromCsv).as("CSV").isEqualTo(expected);

        List<ExportTraceServiceRequest> requests = new ArrayList<>();
        for (String line : Files.readAllLines(otlp)) requests.add(FileExportTest.decode(line));
        List<String> fromOtlp = new ArrayList<>();
        for (Span span : Received.spans(requests)) {
            if (!span.getName().startsWith("syscall: ")) continue;
            String errno = null;
            for (KeyValue a : span.getAttributesList()) if (a.getKey().equals("syscall.errno")) errno = a.getValue().getStringValue();
            fromOtlp.add(errno);
            assertThat(span.getStatus().getCode()).as(span.getName())
                    .isEqualTo(errno == null ? Status.StatusCode.STATUS_CODE_UNSET : Status.StatusCode.STATUS_CODE_ERROR);
            if (errno != null) assertThat(span.getStatus().getMessage()).isEqualTo(errno);
        }
        assertThat(fromOtlp).as("OTLP").isEqualTo(expected);
    }

    private static OutputChannel channel(ByteArrayOutputStream bytes, PrintStream stderr) {
        return new OutputChannel(bytes, "test", stderr, false);
    }

    /** Each call as the tracer hands it on, its result text rendered as the decoder renders it. */
    private static void run(TraceListener listener) {
        long t0 = 1_700_000_000_000_000_000L;
        listener.onProcessStart(new ProcessInfo(100, 0, "/usr/bin/app", List.of("app"), "app", t0, false));
        SyscallEvent e = new SyscallEvent();
        e.tid = 100;
        e.pid = 100;
        for (int i = 0; i < CALLS.length; i++) {
            e.number = SyscallTable.number((String) CALLS[i][0]);
            e.returnValue = (long) CALLS[i][1];
            e.returned = true;
            e.entryNanos = 1000L * i;
            e.exitNanos = e.entryNanos + 500;
            e.entryEpochNanos = t0 + e.entryNanos;
            e.arguments.setLength(0);
            e.arguments.append("3");
            e.result.setLength(0);
            if (Errno.isError(e.returnValue)) Errno.appendFailure((int) -e.returnValue, e.result);
            else e.result.append(e.returnValue);
            listener.onSyscallEntry(e);
            listener.onSyscall(e);
        }
        listener.onProcessExit(100, 0, 0, false);
        listener.onFinish();
    }
}
