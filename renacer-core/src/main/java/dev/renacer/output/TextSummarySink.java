package dev.renacer.output;

import dev.renacer.stats.SortOrder;
import dev.renacer.stats.Summary;
import dev.renacer.stats.SummaryTable;
import dev.renacer.stats.SyscallStats;
import dev.renacer.trace.TraceListener;

/**
 * Prints the {@code -c} table when the trace ends, where the text trace goes (stderr or -o FILE), as strace
 * does; then, if the program made calls through the i386 ABI, their table under strace's heading.
 */
public final class TextSummarySink implements TraceListener {
    private final OutputChannel channel;
    private final SyscallStats stats;
    private final SortOrder order;

    public TextSummarySink(OutputChannel channel, SyscallStats stats, SortOrder order) {
        this.channel = channel;
        this.stats = stats;
        this.order = order;
    }

    @Override
    public void onFinish() {
        channel.write(SummaryTable.format(stats.summary(), order));
        Summary i386 = stats.summaryI386();
        if (!i386.rows().isEmpty()) {
            channel.write("System call usage summary for 32 bit mode:\n");
            channel.write(SummaryTable.format(i386, order));
        }
        channel.flush();
    }
}
