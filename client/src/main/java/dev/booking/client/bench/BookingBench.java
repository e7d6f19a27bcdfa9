package dev.booking.client.bench;

import dev.booking.engine.JvmDefaults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar booking-bench.jar <workload> [--path client|rest] [options]}: runs a workload of
 * WORKLOAD.md against a running cluster. Exit code 0 when every check passed, 1 when one failed or the
 * run broke, 2 for a usage error.
 */
@Command(name = "booking-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a benchmark workload (hot-event, many-events, sellout-curve) against a running booking cluster.")
public final class BookingBench implements Callable<Integer> {
    // Held so that the level set on it is not lost when the logger is garbage collected.
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    @Mixin
    BenchOptions options;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    BookingBench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        JvmDefaults.apply();
        // The client's connection chatter would bury the progress line; warnings still show.
        HAZELCAST_LOG.setLevel(Level.WARNING);
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool in this JVM, as the smoke tests do; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new BookingBench(out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        try {
            options.validate();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        warnAboutThreadPerCallback();
        RunResult result;
        try (BookingPath path = BookingPath.open(options)) {
            result = new BenchRun(options, path, err).run();
        }
        Report.print(result, out);
        out.println(JsonLine.of(result));
        out.flush();
        return result.passed() ? 0 : 1;
    }

    /**
     * On two CPUs or fewer the JDK's common pool has a parallelism of 1, and Hazelcast then completes
     * every callback chained on its futures on a brand-new thread. The client path pays for that on
     * every batch; whoever reads the figures should know.
     */
    private void warnAboutThreadPerCallback() {
        if (options.path == PathName.CLIENT && ForkJoinPool.getCommonPoolParallelism() <= 1) {
            err.println("booking-bench: warning: ForkJoinPool common parallelism is 1 on this machine, so Hazelcast "
                    + "runs each future callback on a new thread; -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 avoids it");
        }
    }
}
