package dev.renacer.cli;

import dev.renacer.filter.Qualifiers;
import dev.renacer.syscall.decode.DecodeOptions;
import dev.renacer.syscall.decode.HexStrings;

/**
 * The strace options that only the ptrace backend honours: they tamper with calls (-e inject=), stop or let go
 * of tasks (-b, -D), or read the tracee's memory and descriptors as each call is printed (-y, -x, -v, -e raw=,
 * -e read=, -P). The eBPF backend sees calls without stopping them and captures only what its plans say, so
 * given with --backend ebpf they are refused, one line naming the first, rather than ignored.
 */
final class PtraceOnly {
    private PtraceOnly() {}

    static String refusal(String option) {
        return option + " needs the ptrace backend (--backend ptrace)";
    }

    static void check(Qualifiers qualifiers, QualifierOptions options, LaunchOptions launch) {
        String option = null;
        if (!qualifiers.inject().isEmpty()) option = "-e inject=";
        else if (launch.detachesOnExec()) option = "-b";
        else if (!qualifiers.decodeFds().isEmpty()) option = "-y";
        else if (options.hexStrings() != HexStrings.NONE) option = "-x";
        else if (qualifiers.displayChanged()) option = "-v, -e abbrev=, -e verbose=, -e raw=";
        else if (RenacerCommand.dumpSet(qualifiers.reads()) != DecodeOptions.NO_DESCRIPTOR
                || RenacerCommand.dumpSet(qualifiers.writes()) != DecodeOptions.NO_DESCRIPTOR) option = "-e read=, -e write=";
        else if (!options.tracePaths.isEmpty()) option = "-P";
        if (option != null) throw new UsageException(refusal(option));
    }
}
