package dev.booking.pipelines;

import dev.booking.domain.Change;
import com.hazelcast.map.EntryProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Merges the lists one change brings for the customers of one bucket into that bucket, in place. The
 * backup replica runs the same merge on its own copy. Idempotent and order-tolerant like
 * {@link CustomerReservations#merge}, so a change delivered again (the pipeline is at least once) changes
 * nothing.
 */
public final class UpdateCustomerBucket implements EntryProcessor<String, CustomerBucket, Void> {
    private final String bucket;
    private final List<CustomerReservations> lists;

    UpdateCustomerBucket(String bucket, List<CustomerReservations> lists) {
        this.bucket = bucket;
        this.lists = List.copyOf(lists);
    }

    /** One update per bucket the change touches. */
    public static List<UpdateCustomerBucket> of(Change change) {
        List<List<CustomerReservations>> byBucket = new ArrayList<>(CustomerBucket.COUNT);
        for (int i = 0; i < CustomerBucket.COUNT; i++) {
            byBucket.add(null);
        }
        List<UpdateCustomerBucket> updates = new ArrayList<>();
        for (CustomerReservations list : CustomerReservations.of(change)) {
            int bucket = CustomerBucket.bucketOf(list.customerId());
            if (byBucket.get(bucket) == null) {
                byBucket.set(bucket, new ArrayList<>());
            }
            byBucket.get(bucket).add(list);
        }
        for (int i = 0; i < CustomerBucket.COUNT; i++) {
            if (byBucket.get(i) != null) {
                updates.add(new UpdateCustomerBucket(CustomerBucket.keyOf(i), byBucket.get(i)));
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
