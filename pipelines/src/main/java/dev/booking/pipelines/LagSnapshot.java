package dev.booking.pipelines;

import java.util.List;

/**
 * One member's lag histogram as published to {@value ViewMaps#LAG}: how many changes fell in each of the
 * {@link LagBuckets} since the member started counting (see {@link LagRecorder}), and the largest lag.
 */
public record LagSnapshot(String member, List<Long> counts, long maxMillis, long publishedAtMillis) {
    public LagSnapshot {
        counts = List.copyOf(counts);
        if (counts.size() != LagBuckets.COUNT) {
            throw new IllegalArgumentException("a lag histogram has " + LagBuckets.COUNT + " buckets, not "
                    + counts.size());
        }
    }

    public long count() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
