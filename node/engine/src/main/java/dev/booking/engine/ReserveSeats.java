package dev.booking.engine;

import dev.booking.domain.Decision;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a batch of reservation requests, in order, on the partition thread that owns the event's
 * inventory (on each event's, when the batch spans several events). A batch of one is the plain case; under load, concurrent requests for the same
 * event travel together (see {@link GroupCommit}), so one partition operation and one backup decide many.
 *
 * <p>Deterministic: Hazelcast runs it again on the backup replica, and may run it again on a new owner
 * after a failover; the ledger turns such re-runs into replays that change nothing.
 */
public final class ReserveSeats extends ChangingProcessor<Verdicts> {
    private final List<ReservationRequest> requests;
    /** The requests by event, built once: one instance may run on several keys' partition threads at once. */
    private final Map<String, List<ReservationRequest>> byEvent;

    /** @param requests for one event or several; each key decides the requests for its own event, in order */
    public ReserveSeats(List<ReservationRequest> requests) {
        this(requests, false);
    }

    ReserveSeats(List<ReservationRequest> requests, boolean onBackup) {
        super(onBackup);
        this.requests = List.copyOf(requests);
        Map<String, List<ReservationRequest>> byEvent = new HashMap<>();
        for (ReservationRequest request : this.requests) {
            byEvent.computeIfAbsent(request.eventId().value(), id -> new ArrayList<>()).add(request);
        }
        this.byEvent = Map.copyOf(byEvent);
    }

    List<ReservationRequest> requests() {
        return requests;
    }

    @Override
    public Verdicts process(Map.Entry<String, Inventory> entry) {
        List<ReservationRequest> requests = byEvent.getOrDefault(entry.getKey(), List.of());
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
