package dev.booking.pipelines;

import java.util.List;

/**
 * What a reconciliation found: every difference between a view and the command side's truth. Plain
 * strings and numbers, so the REST layer can return it as JSON as it is.
 *
 * <p>Problems: {@code missing} (the ledger has it, the view does not), {@code unexpected} (the view has
 * it, the ledger does not), {@code behind} (the view is at an older sequence: a change in flight, lost,
 * or skipped by a journal overflow; {@link Reconciliation#repair()} fixes it), {@code ahead} (the view is
 * at a newer sequence than the ledger: the ledger lost changes; {@link Reconciliation#repairThoroughly()}
 * or {@link Reconciliation#rebuild()} fixes it), {@code differs} (same sequence, different content: a bug;
 * fixed the same way). Under live traffic
 * {@code behind}, and a customer's {@code missing} and {@code behind} lines, can be changes in flight:
 * check again.
 */
public record DriftReport(long checkedAtMillis, int eventsChecked, int customersChecked,
                          List<EventDrift> events, List<CustomerDrift> customers, int customersDrifted,
                          List<FiguresDrift> figures) {
    /** At most this many drifted customers are listed ({@code customersDrifted} counts them all). */
    public static final int MAX_CUSTOMERS_LISTED = 100;

    public DriftReport {
        events = List.copyOf(events);
        customers = List.copyOf(customers);
        figures = List.copyOf(figures);
    }

    public boolean isClean() {
        return events.isEmpty() && customersDrifted == 0 && figures.isEmpty();
    }

    /** An event whose availability view differs from the ledger. */
    public record EventDrift(String eventId, String problem, long ledgerSequence, long viewSequence) {
    }

    /**
     * A customer whose list differs, lines as {@code event/reservation status}: {@code missing} and
     * {@code behind} (the view has a status the ledger's replaces when merged: an earlier one, or REJECTED
     * where the ledger says CONFIRMED after a decision made again) are changes not received, which
     * {@link Reconciliation#repair()} fixes; {@code unexpected} and {@code differing} (anything else) it does
     * not, {@link Reconciliation#repairThoroughly()} does.
     */
    public record CustomerDrift(String customerId, List<String> missing, List<String> behind,
                                List<String> unexpected, List<String> differing) {
    }

    /** An event whose sales figures differ from the ledger's counts. */
    public record FiguresDrift(String eventId, String problem, String ledger, String view) {
    }
}
