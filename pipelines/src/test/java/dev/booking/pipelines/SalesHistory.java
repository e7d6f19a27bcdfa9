package dev.booking.pipelines;

import dev.booking.domain.Cancellation;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.Change;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Decision;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The changes a sale on the real domain {@link Inventory} publishes, in order, stamped by a test clock:
 * the command side as the pipeline sees it, without a cluster.
 */
final class SalesHistory {
    static final long START = 1_700_000_000_000L;

    final Inventory inventory;
    private final List<Change> changes = new ArrayList<>();
    private final List<ReservationId> confirmed = new ArrayList<>();
    private long clock = START;

    private SalesHistory(EventDefinition definition) {
        this.inventory = Inventory.open(definition);
        changes.add(inventory.change(List.of()).at(clock));
    }

    /** An event with categories "floor" and "balcony" of these capacities, at most 4 seats at once. */
    static SalesHistory event(String eventId, int floor, int balcony) {
        return new SalesHistory(new EventDefinition(EventId.of(eventId), "Event " + eventId, null,
                List.of(new CategoryDefinition(CategoryId.of("floor"), floor),
                        new CategoryDefinition(CategoryId.of("balcony"), balcony)), 4));
    }

    /** A random sale: batches of one to three requests from six customers, a cancellation now and then. */
    static SalesHistory randomSale(String eventId, long seed, int steps) {
        Random random = new Random(seed);
        SalesHistory sale = event(eventId, 12, 6);
        for (int step = 0; step < steps; step++) {
            sale.tick(random.nextInt(25_000));
            if (!sale.confirmed.isEmpty() && random.nextInt(5) == 0) {
                sale.cancel(sale.confirmed.get(random.nextInt(sale.confirmed.size())).value());
                continue;
            }
            List<ReservationRequest> batch = new ArrayList<>();
            for (int i = 0, size = 1 + random.nextInt(3); i < size; i++) {
                batch.add(sale.request("r" + step + "-" + i, random.nextBoolean() ? "floor" : "balcony",
                        "customer-" + random.nextInt(6), 1 + random.nextInt(4)));
            }
            sale.reserve(batch);
        }
        return sale;
    }

    SalesHistory tick(long millis) {
        clock += millis;
        return this;
    }

    SalesHistory reserve(String reservationId, String category, String customer, int quantity) {
        return reserve(List.of(request(reservationId, category, customer, quantity)));
    }

    /** Decides a batch as the engine's group commit does: one change for all newly decided reservations. */
    SalesHistory reserve(List<ReservationRequest> batch) {
        List<Reservation> decided = new ArrayList<>();
        for (ReservationRequest request : batch) {
            Decision decision = inventory.reserve(request);
            if (decision instanceof Decision.Confirmed c && !c.replay()) {
                decided.add(c.reservation());
                confirmed.add(c.reservation().id());
            } else if (decision instanceof Decision.Rejected r && !r.replay()) {
                decided.add(r.reservation());
            }
        }
        if (!decided.isEmpty()) {
            changes.add(inventory.change(decided).at(clock));
        }
        return this;
    }

    SalesHistory cancel(String reservationId) {
        if (inventory.cancel(ReservationId.of(reservationId)) instanceof Cancellation.Cancelled c && !c.replay()) {
            confirmed.remove(c.reservation().id());
            changes.add(inventory.change(List.of(c.reservation())).at(clock));
        }
        return this;
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    Change last() {
        return changes.get(changes.size() - 1);
    }

    /** The whole truth, as {@code BoxOffice.wholeEvent} gives it. */
    Change whole() {
        List<Reservation> all = new ArrayList<>();
        inventory.forEachReservation(all::add);
        return inventory.change(all).at(clock);
    }

    private ReservationRequest request(String reservationId, String category, String customer, int quantity) {
        return new ReservationRequest(inventory.definition().id(), ReservationId.of(reservationId),
                CategoryId.of(category), CustomerId.of(customer), quantity);
    }
}
