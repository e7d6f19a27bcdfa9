package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Change;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Reservation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Merges the lists one change brings for the customers of one bucket into that bucket, in place. A
 * backup replica, where one is configured (the packaged configuration keeps none for this view), runs
 * the same merge on its own copy. Idempotent and order-tolerant like
 * {@link CustomerBucket#add}, so a change delivered again (the pipeline is at least once) changes
 * nothing.
 */
public final class UpdateCustomerBucket implements EntryProcessor<String, CustomerBucket, Void> {
    private final String bucket;
    private final List<CustomerReservations> lists;

    UpdateCustomerBucket(String bucket, List<CustomerReservations> lists) {
        this.bucket = bucket;
        this.lists = List.copyOf(lists);
    }

    /**
     * One update per bucket the changes touch, in bucket order, each holding one list per customer (a
     * customer's lines of several events ride together; a reservation that two changes touched is listed
     * once, at its more advanced line, by the bucket's own rule {@link CustomerReservation#moreAdvanced}).
     */
    public static List<UpdateCustomerBucket> of(List<Change> changes) {
        SortedMap<Integer, Map<CustomerId, List<CustomerReservation>>> byBucket = new TreeMap<>();
        for (Change change : changes) {
            for (Reservation reservation : change.reservations()) {
                byBucket.computeIfAbsent(CustomerBucket.bucketOf(reservation.customerId()), bucket -> new HashMap<>())
                        .computeIfAbsent(reservation.customerId(), customer -> new ArrayList<>(1))
                        .add(CustomerReservation.of(change.eventId(), reservation, change.atMillis()));
            }
        }
        List<UpdateCustomerBucket> updates = new ArrayList<>(byBucket.size());
        byBucket.forEach((bucket, customers) -> {
            List<CustomerReservations> lists = new ArrayList<>(customers.size());
            customers.forEach((customer, lines) -> lists.add(new CustomerReservations(customer, oncePerReservation(lines))));
            updates.add(new UpdateCustomerBucket(CustomerBucket.keyOf(bucket), lists));
        });
        return updates;
    }

    /** The lines in {@link CustomerReservation#ORDER}, each reservation once, at its more advanced line. */
    private static List<CustomerReservation> oncePerReservation(List<CustomerReservation> lines) {
        if (lines.size() == 1) {
            return lines;
        }
        lines.sort(CustomerReservation.ORDER);
        List<CustomerReservation> once = new ArrayList<>(lines.size());
        for (CustomerReservation line : lines) {
            int last = once.size() - 1;
            if (last >= 0 && CustomerReservation.ORDER.compare(once.get(last), line) == 0) {
                once.set(last, CustomerReservation.moreAdvanced(once.get(last), line));
            } else {
                once.add(line);
            }
        }
        return once;
    }

    public String bucket() {
        return bucket;
    }

    List<CustomerReservations> lists() {
        return lists;
    }

    @Override
    public Void process(Map.Entry<String, CustomerBucket> entry) {
        CustomerBucket current = entry.getValue() == null ? new CustomerBucket() : entry.getValue();
        lists.forEach(current::add);
        entry.setValue(current);
        return null;
    }

    @Override
    public EntryProcessor<String, CustomerBucket, Void> getBackupProcessor() {
        return this;
    }

    @Override
    public String toString() {
        return "UpdateCustomerBucket[" + bucket + ", " + lists.size() + " customers]";
    }
}
