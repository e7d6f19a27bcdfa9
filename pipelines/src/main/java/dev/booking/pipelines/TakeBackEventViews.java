package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;

import java.util.List;
import java.util.Map;

/**
 * Takes values that the ledger contradicts out of one bucket of the events or figures view, each only if
 * the bucket still holds exactly the value a reconciliation read ({@link Reconciliation#repairThoroughly}):
 * an event's availability goes; its sales figures go back to their history ({@link SalesFigures#historyOnly}),
 * which the ledger cannot give back, unless the ledger holds no such event at all ({@code keepHistory}
 * false: they go too). The repair's republished truth then fills them in again.
 *
 * @see TakeBackCustomerLines
 */
final class TakeBackEventViews implements EntryProcessor<String, EventViewBucket, Integer> {
    private final List<EventViewValue> seen;
    private final boolean keepHistory;

    TakeBackEventViews(List<EventViewValue> seen, boolean keepHistory) {
        this.seen = List.copyOf(seen);
        this.keepHistory = keepHistory;
    }

    List<EventViewValue> seen() {
        return seen;
    }

    boolean keepHistory() {
        return keepHistory;
    }

    @Override
    public Integer process(Map.Entry<String, EventViewBucket> entry) {
        EventViewBucket bucket = entry.getValue();
        if (bucket == null) {
            return 0;
        }
        int taken = 0;
        for (EventViewValue value : seen) {
            EventViewValue replacement = keepHistory && value instanceof SalesFigures figures ? figures.historyOnly() : null;
            if (bucket.replaceIfHeld(value, replacement)) {
                taken++;
            }
        }
        if (taken > 0) {
            entry.setValue(bucket);
        }
        return taken;
    }

    @Override
    public EntryProcessor<String, EventViewBucket, Integer> getBackupProcessor() {
        return this;
    }
}
