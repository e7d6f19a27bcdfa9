package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;

import java.util.List;
import java.util.Map;

/**
 * Takes lines that the ledger contradicts out of one customer bucket, each only if the customer's list
 * still holds exactly the line a reconciliation read ({@link Reconciliation#repairThoroughly}): a line of
 * a reservation the ledger does not hold (decided by a member that crashed before its backup had the
 * decision, and published all the same), or one that says more than the ledger does. A line that changed
 * since the read stays; a line taken out that the ledger holds by now comes back with the repair's
 * republished truth, which is read after this runs.
 */
final class TakeBackCustomerLines implements EntryProcessor<String, CustomerBucket, Integer> {
    private final List<CustomerReservations> seen;

    /** @param seen the lines to take out, by customer; every customer of one bucket */
    TakeBackCustomerLines(List<CustomerReservations> seen) {
        this.seen = List.copyOf(seen);
    }

    List<CustomerReservations> seen() {
        return seen;
    }

    @Override
    public Integer process(Map.Entry<String, CustomerBucket> entry) {
        CustomerBucket bucket = entry.getValue();
        if (bucket == null) {
            return 0;
        }
        int taken = 0;
        for (CustomerReservations list : seen) {
            for (CustomerReservation line : list.reservations()) {
                if (bucket.removeIfHeld(list.customerId(), line)) {
                    taken++;
                }
            }
        }
        if (taken > 0) {
            entry.setValue(bucket);
        }
        return taken;
    }

    @Override
    public EntryProcessor<String, CustomerBucket, Integer> getBackupProcessor() {
        return this;
    }
}
