package dev.booking.pipelines;

import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the customers view (map {@value ViewMaps#CUSTOMERS}): the reservation lists of every
 * customer whose id falls into this bucket. The view has {@value #COUNT} buckets, keyed {@code "0"} to
 * {@code "66"}.
 *
 * <p>Why buckets and not one entry per customer: under an on-sale, one change of an event brings hundreds
 * of reservations of as many customers. One entry per customer meant one view update per reservation;
 * with buckets it is one per bucket a change touches, however many customers are in it. A bucket is
 * updated in place ({@link UpdateCustomerBucket}, in-memory format OBJECT), line by line into each
 * customer's sorted list, so an update costs what it brings (and a binary search per line), not what the
 * bucket or the customer's list already holds; a customer's list is read out of its bucket on the owner
 * ({@link ReadCustomerList}), so a read moves one list, not the bucket.
 *
 * <p>Mutable on purpose: updated in place by entry processors, on the owner and on the backup, and read
 * by entry processors and by key. Like the inventory entries, it relies on Hazelcast handling an OBJECT
 * value only on its partition's thread.
 */
public final class CustomerBucket {
    /**
     * How many buckets the view has. Under an on-sale nearly every round of changes touches every bucket,
     * so this is also how many partition operations a round costs the customers view, whatever the
     * round holds: 67 instead of one per partition (271) took {@code hot-event} from a median of 34,178
     * to 41,530 decisions/s and its p99 from about 9.9 to 8.4 ms (six and ten interleaved runs; 31
     * buckets measured the same as 67; see client/BENCHMARKS.md). Fewer buckets would also spread worse
     * over the members: the lists' memory and merges go where the buckets' partitions are. Changing it
     * moves every customer to another bucket: upgrade every member from a build with another count
     * first (while members of both run, they file customers into different buckets), then rebuild the
     * customers view ({@code POST /admin/views/rebuild}).
     */
    public static final int COUNT = 67;

    /**
     * Customer id → that customer's lines, each packed in one array ({@link PackedLine}), kept in
     * {@link CustomerReservation#ORDER}.
     */
    private final Map<String, List<byte[]>> lines = new HashMap<>();
    /** The events and categories the lines refer to, each held once per bucket and numbered. */
    private final IdTable<EventId> events = new IdTable<>(EventId::value);
    private final IdTable<CategoryId> categories = new IdTable<>(CategoryId::value);

    /** The key of the bucket that holds a customer's list. String.hashCode is the same in every JVM. */
    public static String keyOf(CustomerId customer) {
        return keyOf(bucketOf(customer));
    }

    /** The number of the bucket that holds a customer's list, 0 to {@value #COUNT} - 1. */
    public static int bucketOf(CustomerId customer) {
        return Math.floorMod(customer.value().hashCode(), COUNT);
    }

    static String keyOf(int bucket) {
        return Integer.toString(bucket);
    }

    /**
     * Merges a list into the customer's list in this bucket, line by line and in place: a line of a
     * reservation already listed keeps the more advanced of the two ({@link CustomerReservation#moreAdvanced}),
     * a new one is inserted where the order puts it. Commutative and idempotent: whatever the order and
     * the number of deliveries, a customer's list converges to the same lines.
     */
    void add(CustomerReservations list) {
        List<byte[]> held = listOf(list.customerId());
        for (CustomerReservation line : list.reservations()) {
            merge(held, line);
        }
    }

    /** Merges one line into the customer's list, as {@link #add(CustomerReservations)} does each of its lines. */
    void add(CustomerId customer, CustomerReservation line) {
        merge(listOf(customer), line);
    }

    private List<byte[]> listOf(CustomerId customer) {
        return lines.computeIfAbsent(customer.value(), id -> new ArrayList<>(2));
    }

    /** Finds the line first and packs the given one only to insert or replace it: a line merged again costs no allocation. */
    private void merge(List<byte[]> held, CustomerReservation given) {
        int event = events.numberOf(given.eventId());
        int at = binarySearch(held, event, given.reservationId().value());
        if (at < 0) {
            held.add(-at - 1, PackedLine.pack(given, event, categories.numberOf(given.category())));
        } else if (PackedLine.isReplacedBy(held.get(at), given)) {
            held.set(at, PackedLine.pack(given, event, categories.numberOf(given.category())));
        }
    }

    /**
     * Takes the line out of the customer's list if the list holds exactly this line (status, time and all),
     * and the list out of the bucket once it is empty; a line that changed since it was read stays.
     *
     * @return whether it was taken out
     */
    boolean removeIfHeld(CustomerId customer, CustomerReservation line) {
        List<byte[]> held = lines.get(customer.value());
        if (held == null) {
            return false;
        }
        int at = binarySearch(held, events.numberOf(line.eventId()), line.reservationId().value());
        if (at < 0 || !unpack(held.get(at)).equals(line)) {
            return false;
        }
        held.remove(at);
        if (held.isEmpty()) {
            lines.remove(customer.value());
        }
        return true;
    }

    private int binarySearch(List<byte[]> held, int event, String reservationId) {
        int low = 0;
        int high = held.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = PackedLine.compare(held.get(middle), event, reservationId, events);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    private CustomerReservation unpack(byte[] line) {
        return PackedLine.unpack(line, events, categories);
    }

    /** A copy of the customer's list, or null if this bucket holds none. */
    CustomerReservations list(CustomerId customer) {
        List<byte[]> held = lines.get(customer.value());
        return held == null ? null : new CustomerReservations(customer, unpacked(held));
    }

    /** Copies of every customer's list. */
    List<CustomerReservations> lists() {
        List<CustomerReservations> copies = new ArrayList<>(lines.size());
        lines.forEach((customer, held) -> copies.add(new CustomerReservations(new CustomerId(customer), unpacked(held))));
        return copies;
    }

    private List<CustomerReservation> unpacked(List<byte[]> held) {
        List<CustomerReservation> list = new ArrayList<>(held.size());
        held.forEach(line -> list.add(unpack(line)));
        return list;
    }
}
