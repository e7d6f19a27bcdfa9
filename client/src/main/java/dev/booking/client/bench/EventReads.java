package dev.booking.client.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * How fast a node serves {@code GET /events/{id}}, the page every buyer refreshes during an on-sale:
 * {@code java -cp booking-bench.jar dev.booking.client.bench.EventReads [url] [seconds] [threads] [warmup-seconds]}.
 *
 * <p>Defines a fresh event, then {@code threads} readers, each on its own keep-alive connection, read it
 * in a closed loop: first for the warm-up (not measured), then for {@code seconds}. Every answer must be
 * a 200 that names the event; anything else fails the run. Prints a summary and one JSON line.
 */
public final class EventReads {
    private static final long LONGEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private EventReads() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Runs the measurement, printing to {@code out}; returns the exit code (0 when every read succeeded). */
    static int run(String[] args, PrintStream out) throws Exception {
        URI url = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String host = url.getHost();
        int port = url.getPort() < 0 ? 80 : url.getPort();
        String event = "reads-" + UUID.randomUUID().toString().substring(0, 8);
        try (HttpConnection http = new HttpConnection(host, port)) {
            HttpConnection.Response created = http.exchange("PUT", "/events/" + event,
                    "{\"name\":\"Event reads\",\"categories\":[{\"id\":\"floor\",\"capacity\":1000}]}");
            if (created.status() != 201) {
                throw new IllegalStateException("PUT /events/" + event + " answered " + created.status());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (http.exchange("GET", "/events/" + event, null).status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the view of " + event + " did not appear within 30 s");
                }
                Thread.sleep(20);
            }
        }
        if (warmup > 0) {
            read(host, port, event, threads, warmup);
        }
        List<Reader> readers = read(host, port, event, threads, seconds);

        Histogram latency = new Histogram(1_000, LONGEST_NANOS, 3);
        long reads = 0;
        long failures = 0;
        String firstFailure = null;
        double elapsed = 0;
        for (Reader reader : readers) {
            latency.add(reader.latency);
            reads += reader.reads;
            failures += reader.failures;
            firstFailure = firstFailure != null ? firstFailure : reader.firstFailure;
            elapsed = Math.max(elapsed, reader.elapsedSeconds);
        }
        double perSecond = reads / elapsed;
        out.printf("%nevent-reads  GET /events/{id} at %s, %d threads, %d s (after %d s of warm-up)%n",
                url, threads, seconds, warmup);
        out.printf("  reads/s        %,.0f%n", perSecond);
        out.printf("  latency        p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms%n",
                millis(latency, 50), millis(latency, 99), millis(latency, 99.9), latency.getMaxValue() / 1e6);
        out.printf("  failures       %,d%s%n", failures, firstFailure == null ? "" : " (first: " + firstFailure + ")");
        out.println(failures == 0 ? "  PASSED" : "  FAILED");
        out.printf("{\"workload\":\"event-reads\",\"url\":\"%s\",\"threads\":%d,\"durationSeconds\":%d,"
                        + "\"warmupSeconds\":%d,\"reads\":%d,\"readsPerSecond\":%.0f,\"latencyMillis\":{\"p50\":%.3f,"
                        + "\"p99\":%.3f,\"p999\":%.3f},\"failures\":%d,\"passed\":%b}%n",
                url, threads, seconds, warmup, reads, perSecond, millis(latency, 50), millis(latency, 99),
                millis(latency, 99.9), failures, failures == 0);
        return failures == 0 ? 0 : 1;
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    private static List<Reader> read(String host, int port, String event, int threads, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Reader> readers = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Reader reader = new Reader(new HttpConnection(host, port), "/events/" + event, "\"" + event + "\"", end);
            readers.add(reader);
            Thread thread = new Thread(reader, "reader-" + i);
            running.add(thread);
            thread.start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        return readers;
    }

    /** One reader on one connection, in a closed loop until the end. */
    private static final class Reader implements Runnable {
        private final HttpConnection http;
        private final String path;
        private final String eventInBody;
        private final long end;
        private final Histogram latency = new Histogram(1_000, LONGEST_NANOS, 3);
        private long reads;
        private long failures;
        private String firstFailure;
        private double elapsedSeconds;

        Reader(HttpConnection http, String path, String eventInBody, long end) {
            this.http = http;
            this.path = path;
            this.eventInBody = eventInBody;
            this.end = end;
        }

        @Override
        public void run() {
            long started = System.nanoTime();
            try (http) {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    String failure = readOnce();
                    latency.recordValue(Math.min(System.nanoTime() - sent, LONGEST_NANOS));
                    reads++;
                    if (failure != null) {
                        failures++;
                        firstFailure = firstFailure != null ? firstFailure : failure;
                    }
                }
            }
            elapsedSeconds = (System.nanoTime() - started) / 1e9;
        }

        private String readOnce() {
            try {
                HttpConnection.Response response = http.exchange("GET", path, null);
                return response.status() == 200 && response.body().contains(eventInBody) ? null
                        : "HTTP " + response.status();
            } catch (IOException | RuntimeException e) {
                http.close();
                return e.toString();
            }
        }
    }
}
