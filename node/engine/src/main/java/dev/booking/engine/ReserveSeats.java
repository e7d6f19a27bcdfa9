package dev.booking.engine;

import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Decision;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides a batch of reservation requests of one event, in order, on the partition thread that owns
 * the event's inventory. A batch of one is the plain case; under load, concurrent requests for the same
 * event travel together (see {@link GroupCommit}), so one partition operation and one backup decide many.
 *
 * <p>Deterministic: Hazelcast runs it again on the backup replica, and may run it again on a new owner
 * after a failover; the ledger turns such re-runs into replays that change nothing.
 */
public final class ReserveSeats implements EntryProcessor<String, Inventory, Recorded<List<Decision>>> {
    private final List<ReservationRequest> requests;

    public ReserveSeats(List<ReservationRequest> requests) {
        this.requests = List.copyOf(requests);
    }

    List<ReservationRequest> requests() {
        return requests;
    }

    @Override
    public Recorded<List<Decision>> process(Map.Entry<String, Inventory> entry) {
        Inventory inventory = entry.getValue();
        List<Decision> decisions = new ArrayList<>(requests.size());
        if (inventory == null) {
            for (ReservationRequest request : requests) {
                decisions.add(Refusals.eventNotFound(request.eventId()));
            }
            return new Recorded<>(decisions, null);
        }
        List<Reservation> decided = new ArrayList<>();
        for (ReservationRequest request : requests) {
            Decision decision = inventory.reserve(request);
            Refusals.newlyDecided(decision).ifPresent(decided::add);
            decisions.add(decision);
        }
        if (decided.isEmpty()) {
            return new Recorded<>(decisions, null);
        }
        entry.setValue(inventory);
        return new Recorded<>(decisions, inventory.change(decided));
    }
}
