package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.booking.domain.Decision;
import dev.booking.domain.EventId;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous intake: a request is accepted once it is stored in {@code booking.intake} with its
 * synchronous backup, so the crash of any one member after the acceptance loses nothing. The
 * {@link IntakeDecider} on the member that owns the entry decides it with the same entry processor as
 * the synchronous path, then removes it.
 */
public final class Intake {
    public static final String INTAKE_MAP = "booking.intake";

    private final IMap<String, ReservationRequest> pending;
    private final IMap<String, Inventory> inventory;

    public Intake(HazelcastInstance hazelcast) {
        this.pending = hazelcast.getMap(INTAKE_MAP);
        this.inventory = hazelcast.getMap(BoxOffice.INVENTORY_MAP);
    }

    static String key(EventId eventId, ReservationId reservationId) {
        return eventId.value() + "|" + reservationId.value();
    }

    /**
     * Accepts a request for later decision. Answers {@code Pending} when it is (now or already) waiting;
     * the recorded decision when it was decided before; a conflict or refusal when it cannot be
     * accepted as it stands. Never queues the same reservation twice.
     */
    public CompletableFuture<Decision> accept(ReservationRequest request) {
        return acceptSaying(request).thenApply(Acceptance::decision);
    }

    /** As {@link #accept}, saying also whether this call is the one that queued the request. */
    public CompletableFuture<Acceptance> acceptSaying(ReservationRequest request) {
        return Futures.plain(inventory.submitToKey(request.eventId().value(), new CheckReservation(request)))
                .thenCompose(known -> known != null ? CompletableFuture.completedFuture(new Acceptance(known, false))
                        : enqueue(request));
    }

    /** What an acceptance answered, and whether this call queued the request (rather than finding it waiting). */
    public record Acceptance(Decision decision, boolean queuedNow) {
    }

    private CompletableFuture<Acceptance> enqueue(ReservationRequest request) {
        return Futures.plain(pending.submitToKey(key(request.eventId(), request.reservationId()), new EnqueueRequest(request)))
                .thenApply(earlier -> {
                    if (earlier == null || earlier.equals(request)) {
                        return new Acceptance(new Decision.Pending(Reservation.pending(request)), earlier == null);
                    }
                    return new Acceptance(new Decision.Conflict(Reservation.pending(earlier)), false);
                });
    }

    /** The request waiting under this id, if one is. */
    public CompletableFuture<Optional<Reservation>> waiting(EventId eventId, ReservationId reservationId) {
        return Futures.plain(pending.getAsync(key(eventId, reservationId)))
                .thenApply(request -> Optional.ofNullable(request).map(Reservation::pending));
    }

    public int size() {
        return pending.size();
    }
}
