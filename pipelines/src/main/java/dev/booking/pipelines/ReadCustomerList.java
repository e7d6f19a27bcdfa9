package dev.booking.pipelines;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.CustomerId;

import java.util.Map;

/** Reads one customer's list out of its bucket on the bucket's owner: only that list travels. */
public final class ReadCustomerList implements EntryProcessor<String, CustomerBucket, CustomerReservations>, ReadOnly {
    private final CustomerId customer;

    public ReadCustomerList(CustomerId customer) {
        this.customer = customer;
    }

    CustomerId customer() {
        return customer;
    }

    @Override
    public CustomerReservations process(Map.Entry<String, CustomerBucket> entry) {
        CustomerBucket bucket = entry.getValue();
        return bucket == null ? null : bucket.list(customer);
    }

    @Override
    public EntryProcessor<String, CustomerBucket, CustomerReservations> getBackupProcessor() {
        return null;
    }
}
