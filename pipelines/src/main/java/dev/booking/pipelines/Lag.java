package dev.booking.pipelines;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How long changes took from decision to the views, over all members (see {@link LagRecorder} for what
 * exactly is measured). Percentiles are bucket upper bounds: the true value is at most this, and at most
 * about 25 % less. {@code buckets} are the merged counts (the last one open, {@code upToMillis} -1), for
 * exporting as a histogram metric.
 */
public record Lag(long count, long p50Millis, long p99Millis, long maxMillis, List<String> members,
                  List<Bucket> buckets) {
    public static final Lag NONE = of(List.of());

    public record Bucket(long upToMillis, long count) {
    }

    public static Lag of(Collection<LagSnapshot> snapshots) {
        long[] sums = new long[LagBuckets.COUNT];
        long max = 0;
        List<String> members = new ArrayList<>();
        for (LagSnapshot snapshot : snapshots) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += snapshot.counts().get(i);
            }
            max = Math.max(max, snapshot.maxMillis());
            members.add(snapshot.member());
        }
        List<Long> counts = new ArrayList<>(sums.length);
        List<Bucket> buckets = new ArrayList<>(sums.length);
        long total = 0;
        for (int i = 0; i < sums.length; i++) {
            counts.add(sums[i]);
            buckets.add(new Bucket(i < LagBuckets.UPPER_BOUNDS.length ? LagBuckets.UPPER_BOUNDS[i] : -1, sums[i]));
            total += sums[i];
        }
        members.sort(null);
        return new Lag(total, LagBuckets.quantile(counts, 0.50, max), LagBuckets.quantile(counts, 0.99, max), max,
                List.copyOf(members), List.copyOf(buckets));
    }
}
