package dev.booking.client.bench;

import java.util.List;

/** Everything a run found out, for the report and the JSON line. */
record RunResult(BenchOptions options, String target, Sale sale, BuyerTally tally, Stock stock, double elapsedSeconds,
                 boolean soldOut, SelloutCurve curve, List<Check> checks) {

    double decisionsPerSecond() {
        return tally.requests / elapsedSeconds;
    }

    double confirmedPerSecond() {
        return tally.confirmed / elapsedSeconds;
    }

    /** A latency percentile in microseconds. */
    double latencyMicros(double percentile) {
        return tally.latency.getValueAtPercentile(percentile) / 1_000.0;
    }

    String endedBy() {
        return soldOut ? "sold out: every buyer saw " + options.stopAfterRejections + " rejections in a row"
                : "time: " + options.durationSeconds + " s";
    }

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }
}
