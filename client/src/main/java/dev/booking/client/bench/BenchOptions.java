package dev.booking.client.bench;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Everything a run can be told; the defaults are the numbers of WORKLOAD.md. */
final class BenchOptions {

    @Parameters(index = "0", paramLabel = "<workload>", converter = Workload.Converter.class,
            description = "hot-event, many-events or sellout-curve")
    Workload workload;

    @Option(names = "--path", defaultValue = "client", paramLabel = "client|rest", converter = PathName.Converter.class,
            description = "Through the Java client or the REST API (default: ${DEFAULT-VALUE}).")
    PathName path;

    @Option(names = "--threads", defaultValue = "64", description = "Buyers, each in a closed loop (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--capacity", defaultValue = "1000000",
            description = "Seats of the one event of hot-event and sellout-curve (default: ${DEFAULT-VALUE}).")
    int capacity;

    @Option(names = "--events", defaultValue = "1000", description = "Events of many-events (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--seats-per-event", defaultValue = "200",
            description = "Seats of each event of many-events (default: ${DEFAULT-VALUE}).")
    int seatsPerEvent;

    @Option(names = "--duration", defaultValue = "30", description = "Longest run, in seconds (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "0",
            description = "Seconds of the same load on a throw-away sale before the measured run, so that the "
                    + "figures are not the JIT's warm-up (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--replay-ratio", defaultValue = "0.05",
            description = "Share of requests that repeat an earlier request of the same buyer (default: ${DEFAULT-VALUE}).")
    double replayRatio;

    @Option(names = "--stop-after-rejections", defaultValue = "200",
            description = "A buyer stops after this many rejections in a row (default: ${DEFAULT-VALUE}).")
    int stopAfterRejections;

    @Option(names = "--customers", defaultValue = "100000", description = "Distinct customers (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--max-quantity", defaultValue = "4",
            description = "Seats per reservation are uniform in 1..this (default: ${DEFAULT-VALUE}).")
    int maxQuantity;

    @Option(names = "--event-prefix", description = "Event ids start with this; default: a fresh one per run.")
    String eventPrefix = "bench-" + UUID.randomUUID().toString().substring(0, 8);

    @Option(names = "--members", split = ",", defaultValue = "127.0.0.1:5701",
            description = "Cluster members for the client path (default: ${DEFAULT-VALUE}).")
    List<String> members;

    @Option(names = "--cluster-name", defaultValue = "booking", description = "Cluster name (default: ${DEFAULT-VALUE}).")
    String clusterName;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080",
            description = "A node's REST API for the rest path (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--no-group-commit",
            description = "Client path: one entry-processor call per reservation, for comparison (default: group commit).")
    boolean noGroupCommit;

    @Option(names = "--quiet", description = "No progress line on stderr.")
    boolean quiet;

    /** Refuses numbers that would make the run meaningless, before anything touches the cluster. */
    void validate() {
        require(threads >= 1, "--threads must be at least 1");
        require(capacity >= 1 && capacity <= 1_000_000_000, "--capacity must be between 1 and 1,000,000,000");
        require(events >= 1 && events <= 100_000, "--events must be between 1 and 100,000");
        require(seatsPerEvent >= 1, "--seats-per-event must be at least 1");
        require(durationSeconds >= 1, "--duration must be at least 1 second");
        require(warmupSeconds >= 0 && warmupSeconds <= 600, "--warmup must be between 0 and 600 seconds");
        require(replayRatio >= 0 && replayRatio < 1, "--replay-ratio must be in [0, 1)");
        require(stopAfterRejections >= 1, "--stop-after-rejections must be at least 1");
        require(customers >= 1, "--customers must be at least 1");
        require(maxQuantity >= 1 && maxQuantity <= 1000, "--max-quantity must be between 1 and 1000");
        require(eventPrefix.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,40}"),
                "--event-prefix must be 1 to 41 characters of [A-Za-z0-9._:-], starting with a letter or digit");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
