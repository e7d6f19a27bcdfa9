package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;

import java.util.List;
import java.util.Map;

/**
 * Takes values that the ledger contradicts out of one bucket of the events or figures view, each only if
 * the bucket still holds exactly the value a reconciliation read ({@link Reconciliation#repairThoroughly}):
 * an event's availability goes; its sales figures go back to their history ({@link SalesFigures#historyOnly}),
 * which the ledger cannot give back. The repair's republished truth then fills them in again.
 *
 * @see TakeBackCustomerLines
 */
final class TakeBackEventViews implements EntryProcessor<String, EventViewBucket, Integer> {
    private final List<EventViewValue> seen;

    TakeBackEventViews(List<EventViewValue> seen) {
        this.seen = List.copyOf(seen);
    }

    List<EventViewValue> seen() {
        return seen;
    }

    @Override
    public Integer process(Map.Entry<String, EventViewBucket> entry) {
        EventViewBucket bucket = entry.getValue();
        if (bucket == null) {
            return 0;
        }
        int taken = 0;
        for (EventViewValue value : seen) {
            if (bucket.replaceIfHeld(value, value instanceof SalesFigures figures ? figures.historyOnly() : null)) {
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
