package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.booking.domain.Cancellation;
import dev.booking.domain.Change;
import dev.booking.domain.Decision;
import dev.booking.domain.EventAvailability;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Revision;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The command side in one place: define events, reserve, cancel, and read the truth about an event.
 * Works the same on a member and on a Hazelcast client: every command is an entry processor sent
 * straight to the partition that owns the event. The member that decides a command hands its change to
 * the query side (see {@link ChangeOutbox}).
 */
public final class BoxOffice {
    public static final String INVENTORY_MAP = "booking.inventory";

    private final HazelcastInstance hazelcast;
    private final IMap<String, Inventory> inventory;
    private final ChangeLog changeLog;
    private final GroupCommit groupCommit;

    public BoxOffice(HazelcastInstance hazelcast) {
        this(hazelcast, Clock.systemUTC());
    }

    /** @param clock stamps the changes this box office republishes (never read inside a decision) */
    public BoxOffice(HazelcastInstance hazelcast, Clock clock) {
        this.hazelcast = hazelcast;
        this.inventory = hazelcast.getMap(INVENTORY_MAP);
        this.changeLog = new ChangeLog(hazelcast, clock);
        this.groupCommit = new GroupCommit(inventory, hazelcast.getPartitionService());
    }

    public CompletableFuture<Revision> define(EventDefinition definition) {
        return Futures.plain(inventory.submitToKey(definition.id().value(), new DefineEvent(definition)));
    }

    /** Decides a reservation; concurrent requests for the same event share one call (group commit). */
    public CompletableFuture<Decision> reserve(ReservationRequest request) {
        return groupCommit.submit(request);
    }

    /**
     * Decides a request that the asynchronous intake accepted: as {@link #reserve} does, and if the event
     * changed since so that it no longer allows the request, records it as rejected
     * ({@code EVENT_CHANGED}) instead of refusing it, since its acceptance promised a decision. While a
     * member of an earlier build, which could not read that rejection, is in the cluster (a rolling
     * upgrade), such a request stays accepted: the answer is {@code Pending}, and it is decided once every
     * member can read it.
     */
    public CompletableFuture<Decision> decideAccepted(ReservationRequest request) {
        return reserve(request).thenCompose(decision -> {
            if (!(decision instanceof Decision.Refused)) {
                return CompletableFuture.completedFuture(decision);
            }
            if (!MemberCapabilities.everyMemberHas(hazelcast, MemberCapabilities.REJECTS_ACCEPTED_WHEN_EVENT_CHANGED)) {
                return CompletableFuture.completedFuture(new Decision.Pending(Reservation.pending(request)));
            }
            return Futures.plain(inventory.submitToKey(request.eventId().value(), new DecideAccepted(request)));
        });
    }

    /** Decides a reservation in a call of its own, without group commit. */
    public CompletableFuture<Decision> reserveAlone(ReservationRequest request) {
        return Futures.plain(inventory.submitToKey(request.eventId().value(), new ReserveSeats(List.of(request))))
                .thenApply(verdicts -> verdicts.decision(0, request));
    }

    public CompletableFuture<Cancellation> cancel(EventId eventId, ReservationId reservationId) {
        return Futures.plain(inventory.submitToKey(eventId.value(), new CancelReservation(reservationId)));
    }

    public CompletableFuture<Optional<Reservation>> reservation(EventId eventId, ReservationId reservationId) {
        return Futures.plain(inventory.submitToKey(eventId.value(), new ReadReservation(reservationId)))
                .thenApply(Optional::ofNullable);
    }

    public CompletableFuture<Optional<EventAvailability>> availability(EventId eventId) {
        return Futures.plain(inventory.submitToKey(eventId.value(), new ReadAvailability()))
                .thenApply(Optional::ofNullable);
    }

    /**
     * The whole truth of an event (every reservation, the counts, the current sequence), for rebuilding
     * and reconciling the query side. Moves the whole ledger: an administrative read.
     */
    public CompletableFuture<Optional<Change>> wholeEvent(EventId eventId) {
        return Futures.plain(inventory.submitToKey(eventId.value(), new ReadWholeEvent()))
                .thenApply(Optional::ofNullable);
    }

    /**
     * The truth of an event in shares of at most about {@code shareSize} reservations, read one share after
     * the other (each read walks the ledger's hashes and reads and sends only its share's lines, so the event's decisions
     * go on between the reads): the changes together hold every reservation the ledger held when the
     * first was read, each with the counts and sequence of its own read. For republishing a big event
     * while it sells; a consistent snapshot is {@link #wholeEvent}. Empty if the event does not exist.
     */
    public CompletableFuture<List<Change>> eventInShares(EventId eventId, int shareSize) {
        return Futures.plain(inventory.submitToKey(eventId.value(), new CountReservations())).thenCompose(count -> {
            if (count == null) {
                return CompletableFuture.completedFuture(List.<Change>of());
            }
            int shares = Math.max(1, (count + shareSize - 1) / shareSize);
            CompletableFuture<List<Change>> read = CompletableFuture.completedFuture(new ArrayList<>(shares));
            for (int share = 0; share < shares; share++) {
                ReadEventShare next = new ReadEventShare(share, shares);
                read = read.thenCompose(changes -> Futures.plain(inventory.submitToKey(eventId.value(), next))
                        .thenApply(part -> {
                            if (part != null) {
                                changes.add(part);
                            }
                            return changes;
                        }));
            }
            return read;
        });
    }

    /** The ids of every event. */
    public List<EventId> eventIds() {
        return inventory.keySet().stream().sorted().map(EventId::new).toList();
    }

    /** Publishes a change to the query side again (rebuilding a view from the command side's truth). */
    public void republish(Change change) {
        changeLog.publish(change);
    }

    /** Every event, by id. Visits every partition: for listings, not for the hot path. */
    public List<EventAvailability> events() {
        return inventory.executeOnEntries(new ReadAvailability()).values().stream()
                .sorted(Comparator.comparing(e -> e.id().value()))
                .toList();
    }
}
