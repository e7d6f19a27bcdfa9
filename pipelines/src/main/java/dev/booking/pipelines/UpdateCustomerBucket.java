package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the lists one change brings for the customers of one bucket into that bucket, in place. The
 * backup replica runs the same merge on its own copy. Idempotent and order-tolerant like
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

    /** One update per bucket the changes touch, in bucket order (a customer's lists of several events ride together). */
    public static List<UpdateCustomerBucket> of(List<Change> changes) {
        Map<Integer, List<CustomerReservations>> byBucket = new TreeMap<>();
        for (Change change : changes) {
            for (CustomerReservations list : CustomerReservations.of(change)) {
                byBucket.computeIfAbsent(CustomerBucket.bucketOf(list.customerId()), bucket -> new ArrayList<>()).add(list);
            }
        }
        List<UpdateCustomerBucket> updates = new ArrayList<>(byBucket.size());
        byBucket.forEach((bucket, lists) -> updates.add(new UpdateCustomerBucket(CustomerBucket.keyOf(bucket), lists)));
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
