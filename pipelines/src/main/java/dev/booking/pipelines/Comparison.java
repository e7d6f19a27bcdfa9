package dev.booking.pipelines;

import dev.booking.domain.Change;
import dev.booking.domain.EventAvailability.CategoryAvailability;
import dev.booking.domain.Reservation;
import dev.booking.domain.Tally;
import dev.booking.pipelines.DriftReport.CustomerDrift;
import dev.booking.pipelines.DriftReport.EventDrift;
import dev.booking.pipelines.DriftReport.FiguresDrift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** The comparisons of a reconciliation: each view against the ledger's whole truth (pure functions). */
final class Comparison {
    private static final Set<String> UNMENDED_BY_REPUBLISHING = Set.of("unexpected", "ahead", "differs");

    private Comparison() {
    }

    /** @param truth eventId → the whole event as {@code BoxOffice.wholeEvent} gives it */
    static List<EventDrift> events(Map<String, Change> truth, Map<String, AvailabilityView> views) {
        List<EventDrift> drifts = new ArrayList<>();
        for (String eventId : union(truth.keySet(), views.keySet())) {
            Change ledger = truth.get(eventId);
            AvailabilityView view = views.get(eventId);
            String problem = problem(ledger, view, () -> sameAvailability(view, ledger));
            if (problem != null) {
                drifts.add(new EventDrift(eventId, problem, ledger == null ? 0 : ledger.sequence(),
                        view == null ? 0 : view.sequence()));
            }
        }
        return drifts;
    }

    static List<FiguresDrift> figures(Map<String, Change> truth, Map<String, SalesFigures> views) {
        List<FiguresDrift> drifts = new ArrayList<>();
        for (String eventId : union(truth.keySet(), views.keySet())) {
            Change ledger = truth.get(eventId);
            SalesFigures view = views.get(eventId);
            String problem = problem(ledger, view, () -> sameFigures(view, ledger));
            if (problem != null) {
                drifts.add(new FiguresDrift(eventId, problem,
                        ledger == null ? "-" : describe(ledger.sequence(), ledger.tally(), ledger.availability().categories()),
                        view == null ? "-" : describe(view.sequence(), view.tally(), view.categories())));
            }
        }
        return drifts;
    }

    /** Every customer's list against the reservations of every event in the ledger. */
    static List<CustomerDrift> customers(Iterable<Change> truth, Map<String, CustomerReservations> views) {
        Map<String, Map<String, Reservation>> expected = byCustomer(truth);
        List<CustomerDrift> drifts = new ArrayList<>();
        for (String customer : union(expected.keySet(), views.keySet())) {
            Map<String, Reservation> ledger = expected.getOrDefault(customer, Map.of());
            Map<String, CustomerReservation> view = views.containsKey(customer)
                    ? views.get(customer).reservations().stream().collect(Collectors.toMap(
                    Comparison::keyOf, line -> line, (a, b) -> a, TreeMap::new))
                    : Map.of();
            CustomerDrift drift = customer(customer, ledger, view);
            if (drift != null) {
                drifts.add(drift);
            }
        }
        return drifts;
    }

    static int customerCount(Iterable<Change> truth, Map<String, CustomerReservations> views) {
        var customers = new TreeSet<>(views.keySet());
        truth.forEach(event -> event.reservations().forEach(r -> customers.add(r.customerId().value())));
        return customers.size();
    }

    private static CustomerDrift customer(String customer, Map<String, Reservation> ledger,
                                          Map<String, CustomerReservation> view) {
        List<String> missing = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (String key : union(ledger.keySet(), view.keySet())) {
            Reservation truth = ledger.get(key);
            CustomerReservation line = view.get(key);
            if (line == null) {
                missing.add(key + " " + truth.status());
            } else if (truth == null) {
                unexpected.add(key + " " + line.status());
            } else if (!line.matches(truth)) {
                String both = key + ": ledger " + truth.status() + " " + truth.quantity() + "x" + truth.category()
                        + ", view " + line.status() + " " + line.quantity() + "x" + line.category();
                (mendedByRepublishing(line, truth) ? behind : differing).add(both);
            }
        }
        if (missing.isEmpty() && behind.isEmpty() && unexpected.isEmpty() && differing.isEmpty()) {
            return null;
        }
        return new CustomerDrift(customer, missing, behind, unexpected, differing);
    }

    /**
     * The values of an event view that the ledger contradicts in a way its republished truth cannot mend,
     * since a view keeps the higher sequence: {@code unexpected}, {@code ahead} or {@code differs}.
     */
    static <V extends EventViewValue> List<EventViewValue> contradicted(Map<String, Change> truth, Map<String, V> views,
                                                                        BiPredicate<V, Change> same) {
        List<EventViewValue> contradicted = new ArrayList<>();
        views.forEach((eventId, view) -> {
            Change ledger = truth.get(eventId);
            String problem = problem(ledger, view, () -> same.test(view, ledger));
            if (problem != null && UNMENDED_BY_REPUBLISHING.contains(problem)) {
                contradicted.add(view);
            }
        });
        return contradicted;
    }

    /**
     * The customer lines that the ledger contradicts in a way its republished truth cannot mend, since a
     * line keeps its most advanced status: {@code unexpected} and {@code differing}; by customer.
     */
    static List<CustomerReservations> contradictedLines(Iterable<Change> truth, Map<String, CustomerReservations> views) {
        Map<String, Map<String, Reservation>> expected = byCustomer(truth);
        List<CustomerReservations> contradicted = new ArrayList<>();
        views.forEach((customer, list) -> {
            Map<String, Reservation> ledger = expected.getOrDefault(customer, Map.of());
            List<CustomerReservation> lines = list.reservations().stream().filter(line -> {
                Reservation reservation = ledger.get(keyOf(line));
                return reservation == null || !line.matches(reservation) && !mendedByRepublishing(line, reservation);
            }).toList();
            if (!lines.isEmpty()) {
                contradicted.add(new CustomerReservations(list.customerId(), lines));
            }
        });
        return contradicted;
    }

    static boolean sameAvailability(AvailabilityView view, Change ledger) {
        return view.availability().equals(ledger.availability());
    }

    static boolean sameFigures(SalesFigures view, Change ledger) {
        return view.tally().equals(ledger.tally()) && view.categories().equals(ledger.availability().categories());
    }

    /** Every reservation of the ledger, by customer, then by {@code event/reservation}. */
    private static Map<String, Map<String, Reservation>> byCustomer(Iterable<Change> truth) {
        Map<String, Map<String, Reservation>> expected = new HashMap<>();
        for (Change event : truth) {
            for (Reservation r : event.reservations()) {
                expected.computeIfAbsent(r.customerId().value(), c -> new HashMap<>())
                        .put(r.eventId().value() + "/" + r.id().value(), r);
            }
        }
        return expected;
    }

    private static String keyOf(CustomerReservation line) {
        return line.eventId().value() + "/" + line.reservationId().value();
    }

    /**
     * The line is the ledger's reservation at another status that the ledger's line replaces when merged
     * ({@link CustomerReservation#isMoreAdvanced}): an earlier status, or a REJECTED where the ledger says
     * CONFIRMED (a decision made again after a crash). A republished truth mends it.
     */
    private static boolean mendedByRepublishing(CustomerReservation line, Reservation truth) {
        return line.category().equals(truth.category()) && line.quantity() == truth.quantity()
                && line.status() != truth.status()
                && CustomerReservation.isMoreAdvanced(truth.status(), Long.MAX_VALUE, line.status(), line.atMillis());
    }

    private static String problem(Change ledger, EventViewValue view, BooleanSupplier sameContent) {
        if (ledger == null) {
            return "unexpected";
        }
        if (view == null) {
            return "missing";
        }
        if (view.sequence() < ledger.sequence()) {
            return "behind";
        }
        if (view.sequence() > ledger.sequence()) {
            return "ahead";
        }
        return sameContent.getAsBoolean() ? null : "differs";
    }

    private static String describe(long sequence, Tally tally, List<CategoryAvailability> categories) {
        return "sequence " + sequence + ", confirmed " + tally.confirmed() + ", rejected " + tally.rejected()
                + ", cancelled " + tally.cancelled() + ", seats " + categories.stream()
                .map(c -> c.id() + " " + c.confirmed() + "/" + c.capacity()).collect(Collectors.joining(", ", "[", "]"));
    }

    private static TreeSet<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
