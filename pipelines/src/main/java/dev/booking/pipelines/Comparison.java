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
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** The comparisons of a reconciliation: each view against the ledger's whole truth (pure functions). */
final class Comparison {
    private Comparison() {
    }

    /** @param truth eventId → the whole event as {@code BoxOffice.wholeEvent} gives it */
    static List<EventDrift> events(Map<String, Change> truth, Map<String, AvailabilityView> views) {
        List<EventDrift> drifts = new ArrayList<>();
        for (String eventId : union(truth.keySet(), views.keySet())) {
            Change ledger = truth.get(eventId);
            AvailabilityView view = views.get(eventId);
            String problem = problem(ledger, view == null ? null : view.sequence(),
                    () -> view.availability().equals(ledger.availability()));
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
            String problem = problem(ledger, view == null ? null : view.sequence(),
                    () -> view.tally().equals(ledger.tally())
                            && view.categories().equals(ledger.availability().categories()));
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
        Map<String, Map<String, Reservation>> expected = new HashMap<>();
        for (Change event : truth) {
            for (Reservation r : event.reservations()) {
                expected.computeIfAbsent(r.customerId().value(), c -> new HashMap<>())
                        .put(r.eventId().value() + "/" + r.id().value(), r);
            }
        }
        List<CustomerDrift> drifts = new ArrayList<>();
        for (String customer : union(expected.keySet(), views.keySet())) {
            Map<String, Reservation> ledger = expected.getOrDefault(customer, Map.of());
            Map<String, CustomerReservation> view = views.containsKey(customer)
                    ? views.get(customer).reservations().stream().collect(Collectors.toMap(
                    line -> line.eventId().value() + "/" + line.reservationId().value(), line -> line, (a, b) -> a, TreeMap::new))
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
                boolean statusBehind = line.status().rank() < truth.status().rank()
                        && line.category().equals(truth.category()) && line.quantity() == truth.quantity();
                (statusBehind ? behind : differing).add(both);
            }
        }
        if (missing.isEmpty() && behind.isEmpty() && unexpected.isEmpty() && differing.isEmpty()) {
            return null;
        }
        return new CustomerDrift(customer, missing, behind, unexpected, differing);
    }

    private static String problem(Change ledger, Long viewSequence, BooleanSupplier sameContent) {
        if (ledger == null) {
            return "unexpected";
        }
        if (viewSequence == null) {
            return "missing";
        }
        if (viewSequence < ledger.sequence()) {
            return "behind";
        }
        if (viewSequence > ledger.sequence()) {
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
