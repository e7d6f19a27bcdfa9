package dev.booking.client.bench;

import dev.booking.domain.ReservationRequest;

/**
 * How a run reaches the engine: through the Java client or through a node's REST API. A run puts its
 * sale on through the path, gives each buyer a till of its own, and reads the seats back at the end
 * through the same path, so that the checks see what a user of that path would see.
 */
interface BookingPath extends AutoCloseable {

    static BookingPath open(BenchOptions options) {
        return switch (options.path) {
            case CLIENT -> ClientPath.connect(options.clusterName, options.members, !options.noGroupCommit);
            case REST -> RestPath.of(options.url);
        };
    }

    /** A description of where the load goes, for the report. */
    String target();

    /** Defines every event of the sale; fails if one exists already (a reused --event-prefix). */
    void putOnSale(Sale sale);

    /** A till for one buyer; only that buyer's thread uses it (on REST: its own keep-alive connection). */
    Till till();

    /**
     * The seats of the sale as the cluster counts them, summed over its events. A path that reads an
     * eventually consistent view waits, within limits, for it to show the seats the buyers were told
     * were confirmed; a path that reads the inventory itself ignores that number.
     */
    Stock stock(Sale sale, long confirmedAsTold);

    @Override
    void close();

    /** Where one buyer asks for seats. Never throws for a failed request: that is an undecided answer. */
    interface Till extends AutoCloseable {
        Answer reserve(ReservationRequest request);

        @Override
        default void close() {
        }
    }
}
