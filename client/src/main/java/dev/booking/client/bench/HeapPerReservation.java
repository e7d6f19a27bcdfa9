package dev.booking.client.bench;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Decision;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Tally;
import dev.booking.engine.BookingConfig;
import dev.booking.engine.BoxOffice;
import dev.booking.engine.ChangeLog;
import dev.booking.engine.JvmDefaults;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Heap bytes per confirmed reservation on the member that owns the event, after a sell-out:
 * {@code java -Xmx2g -cp booking-bench.jar dev.booking.client.bench.HeapPerReservation [seats] [threads]}.
 *
 * <p>Starts one member in this JVM (the engine's configuration, no network join, no view job), defines an
 * event of {@code seats} seats (default 1,000,000), sells it out with {@code threads} buyers asking for
 * 1 to 4 seats through group commit, and compares the heap after full collections before and after.
 * The change journal is switched off for the measurement: it is a ring buffer of fixed capacity that
 * holds the last two minutes of changes, not a cost that grows with the reservations an event keeps.
 * The views of the query side are not included either (they live in the view maps, see README).
 */
public final class HeapPerReservation {
    // Held so that the level set on it is not lost when the logger is garbage collected.
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    private HeapPerReservation() {
    }

    public static void main(String[] args) throws Exception {
        JvmDefaults.apply();
        System.exit(run(args, System.out));
    }

    /** Runs the measurement, printing to {@code out}; returns the exit code (0 when the event sold out). */
    static int run(String[] args, PrintStream out) throws Exception {
        int seats = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Config config = BookingConfig.base();
        config.setClusterName("heap-" + UUID.randomUUID());
        config.setProperty("hazelcast.logging.type", "jdk");
        HAZELCAST_LOG.setLevel(Level.WARNING);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        // A member of its own: any free port will do, so that a node running on this machine does not stop it.
        config.getNetworkConfig().setPortAutoIncrement(true);
        config.getJetConfig().setEnabled(false);
        MapConfig changes = config.getMapConfig(ChangeLog.CHANGES_MAP);
        changes.getEventJournalConfig().setEnabled(false);
        changes.setTimeToLiveSeconds(1);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        try {
            BoxOffice boxOffice = new BoxOffice(member);
            EventId event = EventId.of("heap-" + UUID.randomUUID().toString().substring(0, 8));
            CategoryId floor = CategoryId.of("floor");
            boxOffice.define(new EventDefinition(event, "Heap", null, List.of(new CategoryDefinition(floor, seats)), 4))
                    .join();
            long before = heapAfterCollections();

            AtomicLong reservations = new AtomicLong();
            AtomicLong seatsSold = new AtomicLong();
            List<Thread> buyers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int buyer = t;
                Thread thread = new Thread(() -> {
                    SplittableRandom random = new SplittableRandom(buyer);
                    int rejectionsInARow = 0;
                    for (long n = 0; rejectionsInARow < 50; n++) {
                        int quantity = 1 + random.nextInt(4);
                        Decision decision = boxOffice.reserve(new ReservationRequest(event,
                                ReservationId.of("r" + buyer + "-" + n), floor,
                                CustomerId.of("c" + random.nextInt(100_000)), quantity)).join();
                        if (decision instanceof Decision.Confirmed) {
                            reservations.incrementAndGet();
                            seatsSold.addAndGet(quantity);
                            rejectionsInARow = 0;
                        } else {
                            rejectionsInARow++;
                        }
                    }
                });
                buyers.add(thread);
                thread.start();
            }
            for (Thread thread : buyers) {
                thread.join();
            }
            Thread.sleep(7_000); // the change entries (time to live 1 s) expire
            long after = heapAfterCollections();
            Tally tally = boxOffice.wholeEvent(event).join().orElseThrow().tally();
            long total = tally.confirmed() + tally.rejected();
            double perConfirmed = (after - before) / (double) reservations.get();
            out.printf("%nheap-per-reservation  %,d seats sold to %,d confirmed reservations (%,d in the ledger,"
                    + " rejections included)%n", seatsSold.get(), reservations.get(), total);
            out.printf("  heap after full GC  before %,d bytes, after %,d bytes%n", before, after);
            out.printf("  per confirmed reservation  %.1f bytes (owner only; each backup holds as much again)%n",
                    perConfirmed);
            out.printf("{\"workload\":\"heap-per-reservation\",\"seats\":%d,\"seatsSold\":%d,\"confirmed\":%d,"
                            + "\"ledgerEntries\":%d,\"heapBefore\":%d,\"heapAfter\":%d,\"bytesPerConfirmed\":%.1f,"
                            + "\"passed\":%b}%n", seats, seatsSold.get(), reservations.get(), total, before, after,
                    perConfirmed, seatsSold.get() == seats);
            return seatsSold.get() == seats ? 0 : 1;
        } finally {
            member.shutdown();
        }
    }

    private static long heapAfterCollections() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
