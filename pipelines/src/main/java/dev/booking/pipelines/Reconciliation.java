package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import dev.booking.domain.Change;
import dev.booking.domain.EventId;
import dev.booking.domain.Reservation;
import dev.booking.engine.BoxOffice;
import dev.booking.pipelines.DriftReport.CustomerDrift;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Compares the views with the command side's truth, and repairs them from it.
 *
 * <p>An administrative tool: {@link #check} reads every view entry and the whole ledger of every event
 * ({@code BoxOffice.wholeEvent}) into this JVM, so its cost grows with the number of reservations.
 * It reads the views first and the ledger second, so a change in flight shows as {@code behind} or
 * {@code missing}, never as {@code ahead} or {@code unexpected}.
 *
 * <p>Repairs go through the pipeline: they republish each event's whole truth into
 * {@code booking.changes} ({@code BoxOffice.republish}), read and sent in shares ordered by customer
 * bucket so that neither the read nor the merges hold the partition threads long, and the running view
 * job merges it like any change. The view job must be running for them to take effect.
 */
public final class Reconciliation {
    /**
     * Reservations per read of an event's ledger when republishing: each read holds the event's partition
     * thread while it walks the ledger's hashes and builds its share from its own lines.
     */
    static final int SHARE_SIZE = 50_000;

    private final int shareSize;
    private final BoxOffice boxOffice;
    private final Clock clock;
    private final IMap<String, EventViewBucket> events;
    private final IMap<String, CustomerBucket> customers;
    private final IMap<String, EventViewBucket> figures;
    private final IMap<String, LostEvents> health;
    private final HazelcastInstance hazelcast;

    public Reconciliation(HazelcastInstance hazelcast, BoxOffice boxOffice) {
        this(hazelcast, boxOffice, Clock.systemUTC());
    }

    public Reconciliation(HazelcastInstance hazelcast, BoxOffice boxOffice, Clock clock) {
        this(hazelcast, boxOffice, clock, SHARE_SIZE);
    }

    Reconciliation(HazelcastInstance hazelcast, BoxOffice boxOffice, Clock clock, int shareSize) {
        this.shareSize = shareSize;
        this.hazelcast = hazelcast;
        this.boxOffice = boxOffice;
        this.clock = clock;
        this.events = hazelcast.getMap(ViewMaps.EVENTS);
        this.customers = hazelcast.getMap(ViewMaps.CUSTOMERS);
        this.figures = hazelcast.getMap(ViewMaps.FIGURES);
        this.health = hazelcast.getMap(ViewMaps.HEALTH);
    }

    /** Every difference between the three views and the ledger, per view. */
    public DriftReport check() {
        Map<String, AvailabilityView> eventViews = EventViewBucket.readAll(events, AvailabilityView.class);
        Map<String, SalesFigures> figureViews = EventViewBucket.readAll(figures, SalesFigures.class);
        Map<String, CustomerReservations> customerViews = customerLists();
        Map<String, Change> truth = wholeEvents();
        List<CustomerDrift> customerDrifts = Comparison.customers(truth.values(), customerViews);
        return new DriftReport(clock.millis(), truth.size(),
                Comparison.customerCount(truth.values(), customerViews),
                Comparison.events(truth, eventViews),
                customerDrifts.subList(0, Math.min(customerDrifts.size(), DriftReport.MAX_CUSTOMERS_LISTED)),
                customerDrifts.size(),
                Comparison.figures(truth, figureViews));
    }

    /**
     * Republishes the whole truth of every event, without clearing anything: repairs every view that is
     * behind (a change lost by a crashed publisher or with a crashed inventory owner, changes skipped by a
     * journal overflow) with no moment in which a view is empty. It cannot repair a view that is ahead of the ledger or holds a
     * reservation the ledger does not: that takes {@link #repairThoroughly()} (or {@link #rebuild()}). Clears the lost-events marker. Folds
     * the per-event views of a build before the event buckets into the buckets first ({@link LegacyEventViews}).
     *
     * @return how many events were republished
     */
    public int repair() {
        return events(republishTruth());
    }

    /**
     * {@link #repair()}, after taking out of the views what the ledger contradicts and republishing cannot
     * mend, since a view keeps the higher sequence and the more advanced status: an event's availability
     * or figures ahead of its ledger or differing from it, and customer lines of reservations the ledger
     * does not hold or holds otherwise. After a member crashes between publishing a batch's change and its
     * backup having the batch, nobody was told those decisions (the call failed and was retried), but the
     * views may show them; this mends that without emptying the views as {@link #rebuild()} does, and
     * keeps every line's time and the figures' history.
     *
     * <p>Reads every view and every event's whole ledger into this JVM first, as {@link #check()} does: an
     * administrative tool, not for the automatic repairs. Each value is taken out only if its bucket still
     * holds exactly what was read (on the bucket's owner, {@link TakeBackEventViews}, {@link TakeBackCustomerLines}),
     * and the truth republished afterwards is read after that: a value that was right by then, or became
     * right, is back once the repair is through. Run it once the views have settled after a crash (the
     * view job restarts from its last snapshot and may deliver the crashed member's last changes again).
     */
    public Repaired repairThoroughly() {
        Map<String, AvailabilityView> eventViews = EventViewBucket.readAll(events, AvailabilityView.class);
        Map<String, SalesFigures> figureViews = EventViewBucket.readAll(figures, SalesFigures.class);
        Map<String, CustomerReservations> customerViews = customerLists();
        Map<String, Change> truth = wholeEvents();
        int eventsTaken = takeBack(events, Comparison.contradicted(truth, eventViews, Comparison::sameAvailability),
                value -> EventViewBucket.keyOf(value.eventId()), values -> new TakeBackEventViews(values, false));
        Map<Boolean, List<EventViewValue>> figuresByLedger = Comparison.contradicted(truth, figureViews, Comparison::sameFigures)
                .stream().collect(Collectors.partitioningBy(value -> truth.containsKey(value.eventId().value())));
        int figuresTaken = takeBack(figures, figuresByLedger.get(true), value -> EventViewBucket.keyOf(value.eventId()),
                values -> new TakeBackEventViews(values, true))
                + takeBack(figures, figuresByLedger.get(false), value -> EventViewBucket.keyOf(value.eventId()),
                values -> new TakeBackEventViews(values, false));
        int linesTaken = takeBack(customers, Comparison.contradictedLines(truth.values(), customerViews),
                list -> CustomerBucket.keyOf(list.customerId()), TakeBackCustomerLines::new);
        return new Repaired(repair(), eventsTaken, figuresTaken, linesTaken);
    }

    /** What {@link #repairThoroughly()} did: events republished, and values taken out of each view before. */
    public record Repaired(int republishedEvents, int eventViewsTakenOut, int figuresTakenOut, int customerLinesTakenOut) {
    }

    /** Takes each item out of its bucket of the view by one call per bucket; returns how many were taken out. */
    private static <T, V> int takeBack(IMap<String, V> view, List<T> items, Function<T, String> bucketOf,
                                       Function<List<T>, EntryProcessor<String, V, Integer>> takeBack) {
        Map<String, List<T>> byBucket = items.stream().collect(Collectors.groupingBy(bucketOf));
        int taken = 0;
        for (Map.Entry<String, List<T>> bucket : byBucket.entrySet()) {
            taken += view.executeOnKey(bucket.getKey(), takeBack.apply(bucket.getValue()));
        }
        return taken;
    }

    /** {@link #repair()}, giving the truth it republished (in shares): what the views must hold once it is through. */
    List<Change> republishTruth() {
        LegacyEventViews.fold(hazelcast);
        health.remove(ViewMaps.LOST_EVENTS);
        return republishAll();
    }

    /**
     * Clears the event and customer views, resets the sales figures to their history, notes this build's
     * layout of buckets ({@link ViewLayout}), clears the lost-events marker, and republishes the whole
     * truth of every event for the pipeline to apply again. Until it has, the views are empty or partial
     * (usually well under a second).
     *
     * <p>What the ledger does not hold cannot be rebuilt from it: the moments categories first sold
     * out and the per-minute marks of seats sold exist only in the figures view. They are kept from the
     * current view (history from changes the view never saw stays missing); a category that is sold out
     * at the rebuild without a kept moment gets the rebuild's time. Every reservation in the customer
     * lists gets the rebuild's time as its {@code atMillis}.
     *
     * @return how many events were republished
     */
    public int rebuild() {
        LegacyEventViews.fold(hazelcast);
        ViewLayout.note(hazelcast);
        health.remove(ViewMaps.LOST_EVENTS);
        events.clear();
        customers.clear();
        // Resetting each bucket (atomically, on its owner) before its events' truth is read: a change merged
        // in between is part of it.
        figures.executeOnKeys(EventViewBucket.keys(), new ResetFigures());
        return events(republishAll());
    }

    private static int events(List<Change> republished) {
        return (int) republished.stream().map(Change::eventId).distinct().count();
    }

    /**
     * Republishes every event's truth, each in shares of at most about {@link #shareSize} reservations read
     * one after the other ({@code BoxOffice.eventInShares}; all events at once): an event's decisions wait
     * for one share's read at a time, not for the whole ledger's.
     *
     * @return the changes republished: together, every reservation of every event
     */
    private List<Change> republishAll() {
        List<CompletableFuture<List<Change>>> reads = boxOffice.eventIds().stream()
                .map(event -> boxOffice.eventInShares(event, shareSize)).toList();
        List<Change> republished = new ArrayList<>();
        for (CompletableFuture<List<Change>> read : reads) {
            for (Change share : read.join()) {
                Change inBucketOrder = inBucketOrder(share);
                boxOffice.republish(inBucketOrder);
                republished.add(inBucketOrder);
            }
        }
        return republished;
    }

    /**
     * The change with its reservations ordered by customer bucket. A big change travels in parts of 4,096
     * reservations, and the view job updates each bucket a part touches: in ledger order every part
     * touches nearly all the buckets; in bucket order, only the few its share of the order spans. The
     * merges are the same; the updates, each a partition operation queued ahead of the decisions, are
     * several times fewer (twelve times, measured with 271 buckets).
     */
    static Change inBucketOrder(Change change) {
        List<List<Reservation>> byBucket = new ArrayList<>(CustomerBucket.COUNT);
        for (int bucket = 0; bucket < CustomerBucket.COUNT; bucket++) {
            byBucket.add(new ArrayList<>());
        }
        change.reservations().forEach(r -> byBucket.get(CustomerBucket.bucketOf(r.customerId())).add(r));
        List<Reservation> ordered = new ArrayList<>(change.reservations().size());
        byBucket.forEach(ordered::addAll);
        return new Change(change.eventId(), change.sequence(), change.availability(), change.tally(), ordered,
                change.atMillis());
    }

    /** Every customer's list: all buckets, read by key (on their partition threads, where they change). */
    private Map<String, CustomerReservations> customerLists() {
        Set<String> keys = IntStream.range(0, CustomerBucket.COUNT).mapToObj(CustomerBucket::keyOf)
                .collect(Collectors.toSet());
        Map<String, CustomerReservations> lists = new HashMap<>();
        for (CustomerBucket bucket : customers.getAll(keys).values()) {
            bucket.lists().forEach(list -> lists.put(list.customerId().value(), list));
        }
        return lists;
    }

    private Map<String, Change> wholeEvents() {
        List<EventId> ids = boxOffice.eventIds();
        List<CompletableFuture<Optional<Change>>> reads = ids.stream().map(boxOffice::wholeEvent).toList();
        Map<String, Change> truth = new LinkedHashMap<>();
        for (CompletableFuture<Optional<Change>> read : reads) {
            read.join().ifPresent(change -> truth.put(change.eventId().value(), change));
        }
        return truth;
    }
}
