package dev.booking.domain;

import dev.booking.domain.Decision.Refusal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The seats of one event and the ledger of every reservation decided on it.
 *
 * <p>This is the consistency boundary: the rule "never sell more than exists" spans all reservations of
 * an event, so they are all decided against this one object, one at a time. Each decision is a hash
 * lookup and a few counter updates, so it costs the same whether 10 or 10 million seats were sold.
 * The ledger, keyed by reservation id across all categories, is what makes a replayed request get the
 * answer it got the first time.
 *
 * <p>Methods decide first and change state only once the outcome is known, so a request that is
 * refused or conflicting leaves the inventory exactly as it was. Not thread-safe: its owner serializes
 * access (in the engine, the partition thread that owns the entry).
 */
public final class Inventory {
    private EventDefinition definition;
    private final Map<CategoryId, Stock> stock = new LinkedHashMap<>();
    private final Map<String, Entry> ledger = new HashMap<>();
    /** Numbers every change of this event, without gaps; see {@link Change}. */
    private long sequence;
    private int confirmedCount;
    private int rejectedCount;
    private int cancelledCount;

    private Inventory(EventDefinition definition) {
        this.definition = definition;
        for (CategoryDefinition category : definition.categories()) {
            stock.put(category.id(), new Stock(category.id(), category.capacity()));
        }
    }

    public static Inventory open(EventDefinition definition) {
        Inventory inventory = new Inventory(definition);
        inventory.sequence = 1;
        return inventory;
    }

    /** Rebuilds an inventory from its definition and its ledger, as written by {@link #forEachReservation}. */
    public static Inventory restore(EventDefinition definition, long sequence, List<Reservation> reservations) {
        Inventory inventory = new Inventory(definition);
        for (Reservation reservation : reservations) {
            inventory.record(reservation);
        }
        inventory.sequence = sequence;
        return inventory;
    }

    public Decision reserve(ReservationRequest request) {
        Optional<Decision> known = check(request);
        if (known.isPresent()) {
            return known.get();
        }
        Reservation decided = stock.get(request.category()).decide(request);
        record(decided);
        sequence++;
        return Decision.of(decided, false);
    }

    /**
     * What a request would get without a new decision: the recorded answer for a replay, a conflict,
     * or a refusal; empty when it needs deciding. Changes nothing.
     */
    public Optional<Decision> check(ReservationRequest request) {
        Entry earlier = ledger.get(request.reservationId().value());
        if (earlier != null) {
            Reservation existing = earlier.toReservation(definition.id(), request.reservationId());
            return Optional.of(request.asksFor(existing) ? Decision.of(existing, true) : new Decision.Conflict(existing));
        }
        if (!stock.containsKey(request.category())) {
            return Optional.of(new Decision.Refused(Refusal.UNKNOWN_CATEGORY,
                    "category '" + request.category() + "' does not exist in event '" + definition.id() + "'"));
        }
        if (request.quantity() > definition.maxPerReservation()) {
            return Optional.of(new Decision.Refused(Refusal.QUANTITY_ABOVE_LIMIT,
                    "quantity must be at most " + definition.maxPerReservation() + " for this event"));
        }
        return Optional.empty();
    }

    public Cancellation cancel(ReservationId id) {
        Entry entry = ledger.get(id.value());
        if (entry == null) {
            return new Cancellation.NotFound();
        }
        Reservation reservation = entry.toReservation(definition.id(), id);
        switch (reservation.status()) {
            case REJECTED:
            case PENDING:
                return new Cancellation.NotCancellable(reservation);
            case CANCELLED:
                return new Cancellation.Cancelled(reservation, true);
            default:
                Reservation cancelled = withStatus(reservation, Status.CANCELLED);
                stock.get(entry.category()).release(entry.quantity());
                ledger.put(id.value(), Entry.of(cancelled));
                confirmedCount--;
                cancelledCount++;
                sequence++;
                return new Cancellation.Cancelled(cancelled, false);
        }
    }

    /** Changes name, start, limits and capacities; never below what is already confirmed. */
    public Revision revise(EventDefinition revised) {
        Optional<String> refusal = refusalToRevise(revised);
        if (refusal.isPresent()) {
            return new Revision.Refused(refusal.get());
        }
        Map<CategoryId, Stock> previous = new LinkedHashMap<>(stock);
        stock.clear();
        for (CategoryDefinition category : revised.categories()) {
            Stock kept = previous.get(category.id());
            int confirmed = kept == null ? 0 : kept.confirmed;
            stock.put(category.id(), new Stock(category.id(), category.capacity(), confirmed));
        }
        definition = revised;
        sequence++;
        return new Revision.Updated(availability());
    }

    private Optional<String> refusalToRevise(EventDefinition revised) {
        Map<CategoryId, Integer> capacities = new HashMap<>();
        revised.categories().forEach(c -> capacities.put(c.id(), c.capacity()));
        for (Stock current : stock.values()) {
            int capacity = capacities.getOrDefault(current.id, 0);
            if (capacity < current.confirmed) {
                return Optional.of("category '" + current.id + "' has " + current.confirmed
                        + " confirmed seats; its capacity cannot go below that (asked: "
                        + (capacities.containsKey(current.id) ? capacity : "removed") + ")");
            }
        }
        return Optional.empty();
    }

    public Optional<Reservation> reservation(ReservationId id) {
        return Optional.ofNullable(ledger.get(id.value())).map(entry -> entry.toReservation(definition.id(), id));
    }

    public EventAvailability availability() {
        List<EventAvailability.CategoryAvailability> categories = new ArrayList<>(stock.size());
        for (Stock s : stock.values()) {
            categories.add(new EventAvailability.CategoryAvailability(s.id, s.capacity, s.confirmed));
        }
        return new EventAvailability(definition.id(), definition.name(), definition.startsAt(),
                definition.maxPerReservation(), categories);
    }

    public EventDefinition definition() {
        return definition;
    }

    public int reservationCount() {
        return ledger.size();
    }

    public long sequence() {
        return sequence;
    }

    public Tally tally() {
        return new Tally(confirmedCount, rejectedCount, cancelledCount);
    }

    /** The change the query side needs after the given reservations were decided or cancelled. */
    public Change change(List<Reservation> changed) {
        return new Change(definition.id(), sequence, availability(), tally(), changed, 0);
    }

    public void forEachReservation(Consumer<Reservation> action) {
        ledger.forEach((id, entry) -> action.accept(entry.toReservation(definition.id(), new ReservationId(id))));
    }

    private void record(Reservation reservation) {
        switch (reservation.status()) {
            case CONFIRMED -> confirmedCount++;
            case REJECTED -> rejectedCount++;
            case CANCELLED -> cancelledCount++;
            case PENDING -> throw new IllegalArgumentException("the ledger holds decided reservations only");
        }
        if (reservation.isConfirmed()) {
            Stock category = stock.get(reservation.category());
            if (category == null) {
                throw new IllegalStateException("confirmed reservation " + reservation.id()
                        + " is in unknown category " + reservation.category());
            }
            category.take(reservation.quantity());
        }
        ledger.put(reservation.id().value(), Entry.of(reservation));
    }

    private static Reservation withStatus(Reservation r, Status status) {
        return new Reservation(r.eventId(), r.id(), r.category(), r.customerId(), r.quantity(), status, null);
    }

    /** Seats of one category: how many exist and how many are sold. */
    private static final class Stock {
        private final CategoryId id;
        private final int capacity;
        private int confirmed;

        Stock(CategoryId id, int capacity) {
            this(id, capacity, 0);
        }

        Stock(CategoryId id, int capacity, int confirmed) {
            this.id = id;
            this.capacity = capacity;
            this.confirmed = confirmed;
        }

        Reservation decide(ReservationRequest request) {
            int available = capacity - confirmed;
            if (available >= request.quantity()) {
                return reservation(request, Status.CONFIRMED, null);
            }
            RejectionReason reason = available == 0 ? RejectionReason.SOLD_OUT : RejectionReason.INSUFFICIENT_CAPACITY;
            return reservation(request, Status.REJECTED, reason);
        }

        private Reservation reservation(ReservationRequest r, Status status, RejectionReason reason) {
            // The canonical category id is kept, not the request's copy: the ledger stays small.
            return new Reservation(r.eventId(), r.reservationId(), id, r.customerId(), r.quantity(), status, reason);
        }

        void take(int quantity) {
            confirmed += quantity;
        }

        void release(int quantity) {
            confirmed -= quantity;
        }
    }

    /** A ledger line, kept compact: the event and reservation ids are known from where it is stored. */
    private record Entry(CategoryId category, CustomerId customer, int quantity, Status status,
                         RejectionReason reason) {
        static Entry of(Reservation r) {
            return new Entry(r.category(), r.customerId(), r.quantity(), r.status(), r.reason());
        }

        Reservation toReservation(EventId eventId, ReservationId id) {
            return new Reservation(eventId, id, category, customer, quantity, status, reason);
        }
    }
}
