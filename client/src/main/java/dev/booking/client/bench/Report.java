package dev.booking.client.bench;

import java.io.PrintStream;

/** The human-readable table on stdout. */
final class Report {
    private Report() {
    }

    static void print(RunResult r, PrintStream out) {
        BenchOptions o = r.options();
        BuyerTally t = r.tally();
        out.printf("%nbooking-bench  %s via %s  (%s)%n", o.workload.label(), o.path.label(), r.target());
        out.printf("  %-16s %d threads, %,d event(s) x %,d seats = %,d seats, %.0f %% replays, %d s max%s%n",
                "parameters", o.threads, r.sale().events().size(), r.sale().seatsPerEvent(), r.sale().totalSeats(),
                o.replayRatio * 100, o.durationSeconds,
                o.warmupSeconds > 0 ? ", after " + o.warmupSeconds + " s of warm-up" : "");
        out.printf("  %-16s %.2f s, %s%n", "ended after", r.elapsedSeconds(), r.endedBy());
        out.printf("  %-16s %,d (confirmed %,d, rejected %,d, replays %,d, undecided %,d)%n",
                "requests", t.requests, t.confirmed, t.rejected, t.replays, t.undecided);
        out.printf("  %-16s %,.0f%n", "decisions/s", r.decisionsPerSecond());
        out.printf("  %-16s %,.0f  (%,d seats)%n", "confirmed/s", r.confirmedPerSecond(), t.confirmedSeats);
        out.printf("  %-16s p50 %s  p99 %s  p99.9 %s  max %s%n", "latency", ms(r.latencyMicros(50)),
                ms(r.latencyMicros(99)), ms(r.latencyMicros(99.9)), ms(t.latency.getMaxValue() / 1_000.0));
        if (o.workload.reportsCurve()) {
            out.printf("  %-16s decisions/s over the first 10 %% of the stock %s, over the last 10 %% %s, last/first %s%n",
                    "sell-out curve", rate(r.curve().firstTenthRate()), rate(r.curve().lastTenthRate()),
                    r.curve().ratio().isPresent() ? String.format("%.2f", r.curve().ratio().getAsDouble())
                            : "n/a (not sold out)");
        }
        out.printf("  %-16s %s%n", "read back from", r.stock().source());
        out.println("  checks");
        for (Check check : r.checks()) {
            out.printf("    %-4s %-50s %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.found());
        }
        out.printf("  %s%n%n", r.passed() ? "PASSED" : "FAILED");
    }

    private static String ms(double micros) {
        return String.format("%.3f ms", micros / 1_000);
    }

    private static String rate(java.util.OptionalDouble rate) {
        return rate.isPresent() ? String.format("%,.0f", rate.getAsDouble()) : "n/a";
    }
}
