package dev.booking.pipelines;

import dev.booking.domain.CustomerId;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One entry of the customers view (map {@value ViewMaps#CUSTOMERS}): the reservation lists of every
 * customer whose id falls into this bucket. The view has {@value #COUNT} buckets, keyed {@code "0"} to
 * {@code "270"}.
 *
 * <p>Why buckets and not one entry per customer: under an on-sale, one change of an event brings hundreds
 * of reservations of as many customers. One entry per customer meant one view update per reservation;
 * with buckets it is one per bucket a change touches, however many customers are in it. A bucket is
 * updated in place ({@link UpdateCustomerBucket}, in-memory format OBJECT), so an update costs what it
 * brings, not what the bucket already holds; a customer's list is read out of its bucket on the owner
 * ({@link ReadCustomerList}), so a read moves one list, not the bucket.
 *
 * <p>Mutable on purpose: updated in place by entry processors, on the owner and on the backup, and read
 * by entry processors and by key. Like the inventory entries, it relies on Hazelcast handling an OBJECT
 * value only on its partition's thread.
 */
public final class CustomerBucket {
    /** How many buckets the view has: as many as a cluster has partitions by default. */
    public static final int COUNT = 271;

    private final Map<String, CustomerReservations> lists;

    public CustomerBucket() {
        this(new HashMap<>());
    }

    CustomerBucket(Map<String, CustomerReservations> lists) {
        this.lists = lists;
    }

    /** The key of the bucket that holds a customer's list. String.hashCode is the same in every JVM. */
    public static String keyOf(CustomerId customer) {
        return keyOf(bucketOf(customer));
    }

    static int bucketOf(CustomerId customer) {
        return Math.floorMod(customer.value().hashCode(), COUNT);
    }

    static String keyOf(int bucket) {
        return Integer.toString(bucket);
    }

    /** Merges a list into the customer's list in this bucket (see {@link CustomerReservations#merge}). */
    void add(CustomerReservations list) {
        lists.merge(list.customerId().value(), list, CustomerReservations::merge);
    }

    CustomerReservations list(CustomerId customer) {
        return lists.get(customer.value());
    }

    Collection<CustomerReservations> lists() {
        return lists.values();
    }
}
