package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Change;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Reservation;

import java.util.ArrayList;
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
     * customer's lines of several events ride together; a reservation that two changes touched is listed
     * once, at its more advanced line). The lists are gathered by the same merge as the bucket itself
     * ({@link CustomerBucket#add(CustomerId, CustomerReservation)}), in one pass over the reservations.
     */
    public static List<UpdateCustomerBucket> of(List<Change> changes) {
        CustomerBucket[] byBucket = new CustomerBucket[CustomerBucket.COUNT];
        for (Change change : changes) {
            for (Reservation reservation : change.reservations()) {
                int bucket = CustomerBucket.bucketOf(reservation.customerId());
                if (byBucket[bucket] == null) {
                    byBucket[bucket] = new CustomerBucket();
                }
                byBucket[bucket].add(reservation.customerId(),
                        CustomerReservation.of(change.eventId(), reservation, change.atMillis()));
            }
        }
        List<UpdateCustomerBucket> updates = new ArrayList<>();
        for (int bucket = 0; bucket < byBucket.length; bucket++) {
            if (byBucket[bucket] != null) {
                updates.add(new UpdateCustomerBucket(CustomerBucket.keyOf(bucket), byBucket[bucket].lists()));
            }
        }
        return updates;
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
