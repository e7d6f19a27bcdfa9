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
    /** A ledger line stores its category in one byte. */
    static final int MAX_CATEGORIES_EVER = 255;
    private EventDefinition definition;
    private final Map<CategoryId, Stock> stock = new LinkedHashMap<>();
    private final Ledger ledger = new Ledger();
    /** Every category the event ever had, in order; a ledger line stores its index here. */
    private final List<CategoryId> categoryTable = new ArrayList<>();
    /** Grows by one with every decision, cancellation and revision; see {@link Change}. */
    private long sequence;
    private int confirmedCount;
    private int rejectedCount;
    private int cancelledCount;

    private Inventory(EventDefinition definition) {
        this.definition = definition;
        for (CategoryDefinition category : definition.categories()) {
            stock.put(category.id(), new Stock(category.id(), category.capacity()));
            categoryTable.add(category.id());
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
     * Decides a request that was accepted earlier for a later decision (the asynchronous intake). It is
     * decided as {@link #reserve} decides, except that one the event no longer allows as it stands (its
     * category was removed, or it asks for more seats than a reservation may now hold) is recorded as
     * rejected ({@link RejectionReason#EVENT_CHANGED}) rather than refused: its acceptance promised the
     * buyer a decision, and a replay then gets the same one. (Its category is named in the ledger even if
     * this copy of the inventory no longer lists it: a copy restored elsewhere keeps only the categories
     * its definition and its ledger name.)
     */
    public Decision decideAccepted(ReservationRequest request) {
        Optional<Decision> known = check(request);
        boolean roomToName = categoryTable.contains(request.category()) || categoryTable.size() < MAX_CATEGORIES_EVER;
        if (known.isEmpty() || !(known.get() instanceof Decision.Refused) || !roomToName) {
            return reserve(request);
        }
        Reservation rejected = new Reservation(definition.id(), request.reservationId(), request.category(),
                request.customerId(), request.quantity(), Status.REJECTED, RejectionReason.EVENT_CHANGED);
        record(rejected);
        sequence++;
        return Decision.of(rejected, false);
    }

    /**
     * What a request would get without a new decision: the recorded answer for a replay, a conflict,
     * or a refusal; empty when it needs deciding. Changes nothing.
     */
    public Optional<Decision> check(ReservationRequest request) {
        Ledger.Line earlier = ledger.find(request.reservationId().value());
        if (earlier != null) {
            Reservation existing = toReservation(request.reservationId(), earlier);
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
        Ledger.Line line = ledger.find(id.value());
        if (line == null) {
            return new Cancellation.NotFound();
        }
        Reservation reservation = toReservation(id, line);
        switch (reservation.status()) {
            case REJECTED:
            case PENDING:
                return new Cancellation.NotCancellable(reservation);
            case CANCELLED:
                return new Cancellation.Cancelled(reservation, true);
            default:
                Reservation cancelled = withStatus(reservation, Status.CANCELLED);
                stock.get(reservation.category()).release(reservation.quantity());
                ledger.put(id.value(), lineOf(cancelled));
                confirmedCount--;
                cancelledCount++;
                sequence++;
                return new Cancellation.Cancelled(cancelled, false);
        }
    }

    /** Changes name, start, limits and capacities; never below what is already confirmed. */
    public Revision revise(EventDefinition revised) {
        long newCategories = revised.categories().stream().filter(c -> !categoryTable.contains(c.id())).count();
        if (categoryTable.size() + newCategories > MAX_CATEGORIES_EVER) {
            return new Revision.TooManyCategories("an event can have at most " + MAX_CATEGORIES_EVER
                    + " different categories over its life; it has had " + categoryTable.size());
        }
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
            categoryIndex(category.id());
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
        return Optional.ofNullable(ledger.find(id.value())).map(line -> toReservation(id, line));
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
        forEachReservationOfShare(0, 1, action);
    }

    /** Visits one share of the reservations ({@code share} of {@code shares}, split by reservation id). */
    public void forEachReservationOfShare(int share, int shares, Consumer<Reservation> action) {
        if (share < 0 || share >= shares) {
            throw new IllegalArgumentException("share " + share + " of " + shares);
        }
        ledger.forEachOfShare(share, shares, (id, line) -> action.accept(toReservation(new ReservationId(id), line)));
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
        ledger.put(reservation.id().value(), lineOf(reservation));
    }

    private Ledger.Line lineOf(Reservation r) {
        return new Ledger.Line(categoryIndex(r.category()), r.customerId().value(), r.quantity(), r.status(), r.reason());
    }

    private Reservation toReservation(ReservationId id, Ledger.Line line) {
        return new Reservation(definition.id(), id, categoryTable.get(line.category()), new CustomerId(line.customer()),
                line.quantity(), line.status(), line.reason());
    }

    private int categoryIndex(CategoryId category) {
        int index = categoryTable.indexOf(category);
        if (index < 0) {
            categoryTable.add(category);
            index = categoryTable.size() - 1;
        }
        return index;
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
}
