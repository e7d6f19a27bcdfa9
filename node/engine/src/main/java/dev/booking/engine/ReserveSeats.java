package dev.booking.engine;

import dev.booking.domain.Decision;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides a batch of reservation requests for one event, in order, on the partition thread that owns the
 * event's inventory. A batch of one is the plain case; under load, concurrent requests for the same event
 * travel together (see {@link GroupCommit}), so one partition operation and one backup decide many.
 *
 * <p>One event per call, never several keys at once: Hazelcast answers a call on several keys without
 * waiting for the backups of its partitions, and a decision must not be told before its backup holds it.
 *
 * <p>Deterministic: Hazelcast runs it again on the backup replica, and may run it again on a new owner
 * after a failover; the ledger turns such re-runs into replays that change nothing.
 */
public final class ReserveSeats extends ChangingProcessor<Verdicts> {
    private final List<ReservationRequest> requests;

    /** @param requests for one event, decided in this order */
    public ReserveSeats(List<ReservationRequest> requests) {
        this(requests, false);
        for (ReservationRequest request : this.requests) {
            if (!request.eventId().equals(this.requests.get(0).eventId())) {
                throw new IllegalArgumentException("a batch decides the requests of one event, not of several");
            }
        }
    }

    /** For the backup copy and the wire: the batch was checked where it was made. */
    ReserveSeats(List<ReservationRequest> requests, boolean onBackup) {
        super(onBackup);
        this.requests = List.copyOf(requests);
    }

    List<ReservationRequest> requests() {
        return requests;
    }

    @Override
    public Verdicts process(Map.Entry<String, Inventory> entry) {
        Inventory inventory = entry.getValue();
        List<Decision> decisions = new ArrayList<>(requests.size());
        if (inventory == null) {
            for (ReservationRequest request : requests) {
                decisions.add(Refusals.eventNotFound(request.eventId()));
            }
            return Verdicts.of(requests, decisions);
        }
        boolean changed = false;
        List<Reservation> touched = new ArrayList<>();
        for (ReservationRequest request : requests) {
            Decision decision = inventory.reserve(request);
            changed |= Refusals.newlyDecided(decision).isPresent();
            Refusals.decidedReservation(decision).ifPresent(touched::add);
            decisions.add(decision);
        }
        if (changed) {
            entry.setValue(inventory);
        }
        // Replays are recorded too: a replay may be the retry of a decision whose first change was lost
        // with a crashed member. The views' merges make a repeated change harmless.
        if (onBackup()) {
            return null;
        }
        if (!touched.isEmpty()) {
            record(inventory.change(touched));
        }
        return Verdicts.of(requests, decisions);
    }

    @Override
    public ReserveSeats getBackupProcessor() {
        return new ReserveSeats(requests, true);
    }
}
