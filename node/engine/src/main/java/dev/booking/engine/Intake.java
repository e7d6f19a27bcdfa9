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
        return check(request).thenCompose(known -> {
            if (known == null) {
                return enqueue(request);
            }
            if (known instanceof Decision.Refused refused && refused.refusal() != Decision.Refusal.EVENT_NOT_FOUND) {
                return refusedUnlessWaiting(request, known);
            }
            return CompletableFuture.completedFuture(new Acceptance(known, false));
        });
    }

    private CompletableFuture<Decision> check(ReservationRequest request) {
        return Futures.plain(inventory.submitToKey(request.eventId().value(), new CheckReservation(request)));
    }

    /**
     * A request the event refuses now (a category removed, a lower limit) may have been accepted before the
     * change: a retry of it is still accepted and waiting (it will be rejected as {@code EVENT_CHANGED}),
     * not refused. Once it is no longer waiting, its decision is in the ledger, read again.
     */
    private CompletableFuture<Acceptance> refusedUnlessWaiting(ReservationRequest request, Decision refused) {
        return Futures.plain(pending.getAsync(key(request.eventId(), request.reservationId()))).thenCompose(earlier -> {
            if (earlier == null) {
                return check(request).thenApply(now -> new Acceptance(now == null ? refused : now, false));
            }
            Decision waiting = earlier.equals(request) ? new Decision.Pending(Reservation.pending(request))
                    : new Decision.Conflict(Reservation.pending(earlier));
            return CompletableFuture.completedFuture(new Acceptance(waiting, false));
        });
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
