package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.CustomerId;

import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The customer buckets that a crashed member took with it and that are not whole again yet (map
 * {@value ViewMaps#HEALTH}, key {@value ViewMaps#REBUILDING_LISTS}). The customers view keeps no backup:
 * {@link LostViewRecovery} marks a bucket here the moment Hazelcast reports its partition lost, and
 * removes the mark once the bucket holds again every reservation the ledger had when the recovery
 * republished it. Meanwhile a customer of a marked bucket is told that the list is incomplete.
 *
 * @param buckets     the bucket numbers ({@link CustomerBucket#bucketOf}) being rebuilt
 * @param sinceMillis when the first of them was reported lost
 */
public record RebuildingLists(SortedSet<Integer> buckets, long sinceMillis) {
    public RebuildingLists {
        buckets = new TreeSet<>(buckets);
    }

    public boolean includes(CustomerId customer) {
        return buckets.contains(CustomerBucket.bucketOf(customer));
    }

    RebuildingLists plus(Set<Integer> lost, long atMillis) {
        TreeSet<Integer> all = new TreeSet<>(buckets);
        all.addAll(lost);
        return new RebuildingLists(all, Math.min(sinceMillis, atMillis));
    }

    /** What is left once the given buckets are whole again; null when nothing is. */
    RebuildingLists minus(Set<Integer> whole) {
        TreeSet<Integer> left = new TreeSet<>(buckets);
        left.removeAll(whole);
        return left.isEmpty() ? null : new RebuildingLists(left, sinceMillis);
    }

    /** Marks buckets as lost (a union: every member that hears of the loss may mark the same buckets). */
    record Mark(Set<Integer> lost, long atMillis) implements EntryProcessor<String, RebuildingLists, Void> {
        @Override
        public Void process(Map.Entry<String, RebuildingLists> entry) {
            RebuildingLists marked = entry.getValue();
            entry.setValue(marked == null ? new RebuildingLists(new TreeSet<>(lost), atMillis) : marked.plus(lost, atMillis));
            return null;
        }
    }

    /** Removes the marks of buckets that are whole again; marks added since stay. */
    record Unmark(Set<Integer> whole) implements EntryProcessor<String, RebuildingLists, Void> {
        @Override
        public Void process(Map.Entry<String, RebuildingLists> entry) {
            RebuildingLists marked = entry.getValue();
            if (marked != null) {
                entry.setValue(marked.minus(whole));
            }
            return null;
        }
    }
}
