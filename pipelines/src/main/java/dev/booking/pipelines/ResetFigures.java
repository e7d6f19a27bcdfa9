package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Resets a bucket of the figures view to what the ledger cannot give back ({@link SalesFigures#historyOnly}),
 * in place on the bucket's owner, for a rebuild: one atomic step per bucket, so a merge that lands before
 * or after it is kept either way. A backup replica runs the same reset.
 */
final class ResetFigures implements EntryProcessor<String, EventViewBucket, Void> {
    @Override
    public Void process(Map.Entry<String, EventViewBucket> entry) {
        EventViewBucket bucket = entry.getValue();
        if (bucket != null) {
            entry.setValue(bucket.mapped(value -> ((SalesFigures) value).historyOnly()));
        }
        return null;
    }

    @Override
    public EntryProcessor<String, EventViewBucket, Void> getBackupProcessor() {
        return this;
    }
}
