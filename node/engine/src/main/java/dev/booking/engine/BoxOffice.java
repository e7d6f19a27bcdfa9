package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.booking.domain.Cancellation;
import dev.booking.domain.Decision;
import dev.booking.domain.EventAvailability;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Revision;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The command side in one place: define events, reserve, cancel, and read the truth about an event.
 * Works the same on a member and on a Hazelcast client: every command is an entry processor sent
 * straight to the partition that owns the event.
 */
public final class BoxOffice {
    public static final String INVENTORY_MAP = "booking.inventory";

    private final IMap<String, Inventory> inventory;
    private final GroupCommit groupCommit;

    public BoxOffice(HazelcastInstance hazelcast) {
        this.inventory = hazelcast.getMap(INVENTORY_MAP);
        this.groupCommit = new GroupCommit(inventory);
    }

    public CompletableFuture<Revision> define(EventDefinition definition) {
        return inventory.submitToKey(definition.id().value(), new DefineEvent(definition)).toCompletableFuture();
    }

    /** Decides a reservation; concurrent requests for the same event share one call (group commit). */
    public CompletableFuture<Decision> reserve(ReservationRequest request) {
        return groupCommit.submit(request);
    }

    /** Decides a reservation in a call of its own, without group commit. */
    public CompletableFuture<Decision> reserveAlone(ReservationRequest request) {
        return inventory.submitToKey(request.eventId().value(), new ReserveSeats(List.of(request)))
                .toCompletableFuture().thenApply(decisions -> decisions.get(0));
    }

    public CompletableFuture<Cancellation> cancel(EventId eventId, ReservationId reservationId) {
        return inventory.submitToKey(eventId.value(), new CancelReservation(reservationId)).toCompletableFuture();
    }

    public CompletableFuture<Optional<Reservation>> reservation(EventId eventId, ReservationId reservationId) {
        return inventory.submitToKey(eventId.value(), new ReadReservation(reservationId))
                .toCompletableFuture().thenApply(Optional::ofNullable);
    }

    public CompletableFuture<Optional<EventAvailability>> availability(EventId eventId) {
        return inventory.submitToKey(eventId.value(), new ReadAvailability())
                .toCompletableFuture().thenApply(Optional::ofNullable);
    }

    /** Every event, by id. Visits every partition: for listings, not for the hot path. */
    public List<EventAvailability> events() {
        return inventory.executeOnEntries(new ReadAvailability()).values().stream()
                .sorted(Comparator.comparing(e -> e.id().value()))
                .toList();
    }
}
