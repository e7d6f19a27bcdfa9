package dev.booking.node;

import dev.booking.engine.JvmDefaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code java -jar booking-node.jar [--demo]}: one member plus the REST API, configured by BOOKING_*
 * environment variables. SIGTERM (or Ctrl-C) stops it gracefully: readiness turns 503, requests in
 * flight finish, the member hands its partitions over, and the process exits 0.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        JvmDefaults.apply();
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "log4j2");
        }
        NodeSettings settings;
        try {
            settings = NodeSettings.fromEnvironment(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("booking-node: " + e.getMessage());
            System.exit(2);
            return;
        }
        AtomicReference<BookingNode> running = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            BookingNode node = running.get();
            if (node != null && stopped.compareAndSet(false, true)) {
                LOG.info("stopping: draining HTTP, then handing partitions over");
                node.close();
                LOG.info("stopped");
            }
        };
        // The JVM's own SIGTERM handling would exit with 143; a graceful stop is a success, so exit 0.
        // Installed before the node starts, so that no stop request is lost, and again after it started,
        // because starting the member and the HTTP server may install handlers of their own.
        handleStopSignals(stop);
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "booking-shutdown"));
        running.set(BookingNode.builder().settings(settings).start());
        handleStopSignals(stop);
    }

    private static void handleStopSignals(Runnable stop) {
        for (String signal : new String[]{"TERM", "INT"}) {
            Signal.handle(new Signal(signal), s -> {
                stop.run();
                System.exit(0);
            });
        }
    }
}
