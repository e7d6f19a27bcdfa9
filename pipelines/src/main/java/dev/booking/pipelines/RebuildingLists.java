package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.CustomerId;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The customer buckets that a crashed member took with it and that are not whole again yet (map
 * {@value ViewMaps#HEALTH}, key {@value ViewMaps#REBUILDING_LISTS}). The customers view keeps no backup:
 * {@link LostViewRecovery} marks a bucket here the moment Hazelcast reports its partition lost, and
 * removes the mark once the bucket holds again every reservation the ledger had when the recovery
 * republished it. Meanwhile a customer of a marked bucket is told that the list is incomplete.
 *
 * <p>Each mark carries a number that a later mark of the same bucket raises: the recovery removes a mark
 * only if it is still the one it read before checking the bucket, so a bucket lost again in between
 * stays marked. The map has a synchronous backup: a mark outlives the crash of the member that holds it
 * (two members lost at once can lose it, and the list then reads as complete while it fills).
 *
 * @param buckets  bucket number ({@link CustomerBucket#bucketOf}) → its mark
 * @param lastMark the highest mark ever made: kept when no bucket is marked any more, so that no mark
 *                 is made twice and a late removal of an old one cannot remove a new one
 */
public record RebuildingLists(SortedMap<Integer, Lost> buckets, long lastMark) {
    public RebuildingLists {
        buckets = new TreeMap<>(buckets);
    }

    /**
     * @param mark        grows with every mark made (never reused)
     * @param sinceMillis when the bucket was first reported lost, of the losses it has not recovered from
     */
    public record Lost(long mark, long sinceMillis) {
    }

    public boolean isEmpty() {
        return buckets.isEmpty();
    }

    /** When the customer's list began to be rebuilt, if it is being rebuilt. */
    public Optional<Long> since(CustomerId customer) {
        return Optional.ofNullable(buckets.get(CustomerBucket.bucketOf(customer))).map(Lost::sinceMillis);
    }

    /** The marks of those buckets, as read now: what {@link Unmark} removes once they are whole. */
    Map<Integer, Long> marksOf(Set<Integer> whole) {
        Map<Integer, Long> marks = new TreeMap<>();
        whole.forEach(bucket -> {
            Lost lost = buckets.get(bucket);
            if (lost != null) {
                marks.put(bucket, lost.mark());
            }
        });
        return marks;
    }

    static RebuildingLists marking(RebuildingLists marked, Set<Integer> lost, long atMillis) {
        TreeMap<Integer, Lost> all = new TreeMap<>(marked == null ? Map.of() : marked.buckets);
        long mark = (marked == null ? 0 : marked.lastMark) + 1;
        for (int bucket : lost) {
            Lost earlier = all.get(bucket);
            all.put(bucket, new Lost(mark, earlier == null ? atMillis : Math.min(earlier.sinceMillis(), atMillis)));
        }
        return new RebuildingLists(all, mark);
    }

    /** What is left once the given buckets are whole again, unless marked again since. */
    static RebuildingLists unmarking(RebuildingLists marked, Map<Integer, Long> whole) {
        if (marked == null) {
            return null;
        }
        TreeMap<Integer, Lost> left = new TreeMap<>(marked.buckets);
        whole.forEach((bucket, mark) -> left.computeIfPresent(bucket, (b, lost) -> lost.mark() == mark ? null : lost));
        return new RebuildingLists(left, marked.lastMark);
    }

    /** Marks buckets as lost (every member that hears of the loss marks them; each mark takes the next number). */
    record Mark(Set<Integer> lost, long atMillis) implements EntryProcessor<String, RebuildingLists, Void> {
        @Override
        public Void process(Map.Entry<String, RebuildingLists> entry) {
            entry.setValue(marking(entry.getValue(), lost, atMillis));
            return null;
        }
    }

    /** Removes the marks of buckets found whole, each only if it is still the mark that was read. */
    record Unmark(Map<Integer, Long> whole) implements EntryProcessor<String, RebuildingLists, Void> {
        @Override
        public Void process(Map.Entry<String, RebuildingLists> entry) {
            entry.setValue(unmarking(entry.getValue(), whole));
            return null;
        }
    }
}
