package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the REST layer reads: only the query-side maps, never the inventory. Each value says how fresh it
 * is ({@code asOfMillis}: when the newest change it includes was published). Works on a member and on a
 * client (both need {@link ViewSerialization}).
 */
public final class QueryViews {
    /**
     * How long a read of the rebuilding marks ({@link #rebuildingLists}) is reused. Every customer read
     * asks for them, and they are one entry: read each time, every customer read in the cluster would
     * also be a read on that entry's one partition thread. They change only around a member crash, and
     * they are set some time after the loss anyway (when Hazelcast reports it), so reusing a read for
     * this long adds at most this much to that delay.
     */
    public static final Duration MARKS_REUSED_FOR = Duration.ofMillis(100);
    /** How long {@link #viewJob()} waits for Jet's answer. */
    public static final Duration JET_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(QueryViews.class);

    private final IMap<String, EventViewBucket> events;
    private final IMap<String, CustomerBucket> customers;
    private final IMap<String, EventViewBucket> figures;
    /** Markers of the views' health: {@link LostEvents}, {@link RebuildingLists} and the repair owed, under their keys. */
    private final IMap<String, Object> health;
    private final IMap<String, LagSnapshot> lag;
    private final HazelcastInstance hazelcast;
    private final JetCalls jet;
    private volatile MarksRead marks;
    private volatile boolean oldMapsGone;

    public QueryViews(HazelcastInstance hazelcast) {
        this(hazelcast, JetCalls.on("booking-view-job-look-" + hazelcast.getName(), JET_WAIT));
    }

    /** As above, asking Jet through {@code jet}. */
    QueryViews(HazelcastInstance hazelcast, JetCalls jet) {
        this.hazelcast = hazelcast;
        this.jet = jet;
        this.events = hazelcast.getMap(ViewMaps.EVENTS);
        this.customers = hazelcast.getMap(ViewMaps.CUSTOMERS);
        this.figures = hazelcast.getMap(ViewMaps.FIGURES);
        this.health = hazelcast.getMap(ViewMaps.HEALTH);
        this.lag = hazelcast.getMap(ViewMaps.LAG);
    }

    /**
     * An event's availability, read out of its bucket on the bucket's owner; during an upgrade from a build
     * before the event buckets, from the old per-event map while its bucket does not hold it yet.
     */
    public Optional<AvailabilityView> event(EventId id) {
        return orFromOldMap(EventViewBucket.read(events, id, AvailabilityView.class), LegacyEventViews.EVENTS, id,
                AvailabilityView.class);
    }

    /** What a bucket held, or else (during an upgrade) what the old per-event map holds. */
    private <V extends EventViewValue> Optional<V> orFromOldMap(Optional<V> read, String legacyName, EventId id,
                                                                 Class<V> type) {
        return read.isPresent() || !oldMapsMayExist() ? read : LegacyEventViews.read(hazelcast, legacyName, id, type);
    }

    /**
     * Whether the per-event maps of a build before the event buckets may still exist. Once this node has
     * seen them gone it never looks again (nothing of this build writes them), so a 404 or a listing
     * costs the scan of the cluster's objects only until then.
     */
    private boolean oldMapsMayExist() {
        if (oldMapsGone) {
            return false;
        }
        boolean exist = LegacyEventViews.anyExists(hazelcast);
        oldMapsGone = !exist;
        return exist;
    }

    /** Every event in the view, by id. Reads every bucket (by key, on its owner): for listings, not for the hot path. */
    public List<AvailabilityView> events() {
        Map<String, AvailabilityView> all = new HashMap<>(oldMapsMayExist()
                ? LegacyEventViews.readAll(hazelcast, LegacyEventViews.EVENTS, AvailabilityView.class) : Map.of());
        all.putAll(EventViewBucket.readAll(events, AvailabilityView.class));
        return all.values().stream().sorted(Comparator.comparing(view -> view.eventId().value())).toList();
    }

    /**
     * Whether the view job runs. While it does not (it failed, was cancelled, or a rolling upgrade
     * mixes builds that cannot read each other's job), the views stand still. Asks Jet, and waits for its
     * answer at most {@link #JET_WAIT} ({@link JetCalls}): for metrics and health pages, not for every
     * read.
     */
    public ViewJobState viewJob() {
        try {
            return jet.ask(() -> ViewJobs.isRunning(hazelcast))
                    .map(running -> running ? ViewJobState.RUNNING : ViewJobState.NOT_RUNNING)
                    .orElse(ViewJobState.UNANSWERED);
        } catch (RuntimeException failed) {
            LOG.warn("Jet failed to say whether the view job runs ({})", failed.toString());
            return ViewJobState.UNANSWERED;
        }
    }

    /**
     * Whether the view job was submitted again after it failed and the views still wait for the repair
     * that follows once it runs ({@link ViewJobKeeper}): until then they may miss changes decided while
     * the job was down.
     */
    public boolean repairOwed() {
        return health.containsKey(ViewMaps.REPAIR_OWED);
    }

    public Optional<CustomerReservations> customer(CustomerId id) {
        return Optional.ofNullable(customers.executeOnKey(CustomerBucket.keyOf(id), new ReadCustomerList(id)));
    }

    /** The figures of an event; empty too while a rebuild has reset them and the truth is not back yet. */
    public Optional<SalesFigures> figures(EventId id) {
        return orFromOldMap(EventViewBucket.read(figures, id, SalesFigures.class), LegacyEventViews.FIGURES, id,
                SalesFigures.class).filter(f -> f.sequence() > 0);
    }

    /** The lag from decision to view over the members that published a histogram lately. */
    public Lag lag() {
        return Lag.of(lag.values());
    }

    /**
     * The customer buckets lost with a crashed member and not whole again yet, if any, as read at most
     * {@link #MARKS_REUSED_FOR} ago.
     */
    public Optional<RebuildingLists> rebuildingLists() {
        MarksRead read = marks;
        long now = System.nanoTime();
        if (read == null || now - read.atNanos() >= MARKS_REUSED_FOR.toNanos()) {
            read = new MarksRead(Optional.ofNullable((RebuildingLists) health.get(ViewMaps.REBUILDING_LISTS))
                    .filter(lists -> !lists.isEmpty()), now);
            marks = read;
        }
        return read.marks();
    }

    /** The marks as read, and when the read began. */
    private record MarksRead(Optional<RebuildingLists> marks, long atNanos) {
    }

    /**
     * Whether the views hold another layout of buckets than this node's build uses ({@link ViewLayout}):
     * then this node reads customer lists and event pages from the wrong buckets until a rebuild.
     * False while no layout is noted.
     */
    public boolean layoutDiffers() {
        Object noted = health.get(ViewMaps.LAYOUT);
        return noted != null && !ViewLayout.isThisBuilds(noted);
    }

    /** Whether the journal overflowed since the last rebuild: the views may be behind until a repair. */
    public Optional<LostEvents> lostEvents() {
        return Optional.ofNullable((LostEvents) health.get(ViewMaps.LOST_EVENTS));
    }
}
