package dev.renacer.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What /proc says about a task; read on the rare events (attach, fork, exec), never per syscall. */
public final class ProcFs {
    private ProcFs() {}

    /** The Tgid (or PPid) line of /proc/TID/status, or -1 when the task is gone. */
    public static int statusField(int tid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(tid), "status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith(field + ":")) return Integer.parseInt(line.substring(field.length() + 1).trim());
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The tasks to follow when attaching to {@code pid}: all its threads under -f, else just it. */
    public static List<Integer> tasksToFollow(int pid, boolean followForks) {
        List<Integer> tids = followForks ? threads(pid) : List.of(pid);
        return tids.isEmpty() ? List.of(pid) : tids;
    }

    public static List<Integer> threads(int pid) {
        List<Integer> tids = new ArrayList<>();
        try (var stream = Files.list(Path.of("/proc", Integer.toString(pid), "task"))) {
            stream.forEach(p -> {
                try {
                    tids.add(Integer.parseInt(p.getFileName().toString()));
                } catch (NumberFormatException ignored) {
                    // not a task directory
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        return tids;
    }

    public static String comm(int pid) {
        try {
            return Files.readString(Path.of("/proc", Integer.toString(pid), "comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    public static String executable(int pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "exe")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    public static List<String> cmdline(int pid) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc", Integer.toString(pid), "cmdline"));
            List<String> args = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    args.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < bytes.length) args.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
            return args;
        } catch (IOException e) {
            return List.of();
        }
    }
}
