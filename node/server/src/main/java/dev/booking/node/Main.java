package dev.booking.node;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar booking-node.jar [--demo]}: one member plus the REST API, configured by BOOKING_*
 * environment variables. SIGTERM drains HTTP, then hands the partitions over and exits 0.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
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
        BookingNode node = BookingNode.builder().settings(settings).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: draining HTTP, then handing partitions over");
            node.close();
            LOG.info("stopped");
        }, "booking-shutdown"));
    }
}
