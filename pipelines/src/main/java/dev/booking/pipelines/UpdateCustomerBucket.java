package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Change;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Reservation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * customer's lines of several events ride together). One pass over the reservations: this runs on
     * the view job for every reservation of an on-sale.
     */
    public static List<UpdateCustomerBucket> of(List<Change> changes) {
        @SuppressWarnings("unchecked")
        Map<CustomerId, List<CustomerReservation>>[] byBucket = new Map[CustomerBucket.COUNT];
        for (Change change : changes) {
            for (Reservation reservation : change.reservations()) {
                int bucket = CustomerBucket.bucketOf(reservation.customerId());
                if (byBucket[bucket] == null) {
                    byBucket[bucket] = new HashMap<>();
                }
                addOrAdvance(byBucket[bucket].computeIfAbsent(reservation.customerId(), customer -> new ArrayList<>(2)),
                        CustomerReservation.of(change.eventId(), reservation, change.atMillis()));
            }
        }
        List<UpdateCustomerBucket> updates = new ArrayList<>();
        for (int bucket = 0; bucket < byBucket.length; bucket++) {
            if (byBucket[bucket] != null) {
                List<CustomerReservations> lists = new ArrayList<>(byBucket[bucket].size());
                byBucket[bucket].forEach((customer, lines) -> {
                    lines.sort(CustomerReservation.ORDER);
                    lists.add(new CustomerReservations(customer, lines));
                });
                updates.add(new UpdateCustomerBucket(CustomerBucket.keyOf(bucket), lists));
            }
        }
        return updates;
    }

    /** A reservation that two changes of the batch touched is listed once, at its more advanced line. */
    private static void addOrAdvance(List<CustomerReservation> lines, CustomerReservation line) {
        for (int i = 0; i < lines.size(); i++) {
            if (CustomerReservation.ORDER.compare(lines.get(i), line) == 0) {
                lines.set(i, CustomerReservation.moreAdvanced(lines.get(i), line));
                return;
            }
        }
        lines.add(line);
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
