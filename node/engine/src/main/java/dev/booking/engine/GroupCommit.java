package dev.booking.engine;

import com.hazelcast.map.IMap;
import dev.booking.domain.Decision;
import dev.booking.domain.Inventory;
import dev.booking.domain.ReservationRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coalesces concurrent reservation requests for the same event into one {@link ReserveSeats} call.
 *
 * <p>No timer: a request that finds its event idle is sent at once, alone, so a quiet system pays no
 * extra latency. While a call for an event is in flight, the requests that arrive for it queue up and
 * leave together as soon as it returns. Under an on-sale spike a batch grows to the concurrency at
 * hand, and one partition operation, one backup and one network round trip serve all of it.
 *
 * <p>Futures are completed on the thread that receives Hazelcast's response: callers must not block in
 * callbacks chained without an executor.
 */
final class GroupCommit {
    static final int MAX_BATCH = 512;

    private final IMap<String, Inventory> inventory;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    GroupCommit(IMap<String, Inventory> inventory) {
        this.inventory = inventory;
    }

    CompletableFuture<Decision> submit(ReservationRequest request) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        Lane lane = lanes.computeIfAbsent(request.eventId().value(), Lane::new);
        lane.queue.add(pending);
        lane.sendIfIdle();
        return pending.answer;
    }

    private record Pending(ReservationRequest request, CompletableFuture<Decision> answer) {
    }

    /** The requests waiting for one event, and whether a call for it is in flight. */
    private final class Lane {
        private final String eventId;
        private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean sending = new AtomicBoolean();

        Lane(String eventId) {
            this.eventId = eventId;
        }

        void sendIfIdle() {
            // A request is queued before it tries to become the sender, and the sender lets go before it
            // looks at the queue again: between them, no request is left behind.
            while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
                List<Pending> batch = drain();
                if (!batch.isEmpty()) {
                    send(batch);
                    return;
                }
                sending.set(false);
            }
        }

        private List<Pending> drain() {
            List<Pending> batch = new ArrayList<>();
            Pending next;
            while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next);
            }
            return batch;
        }

        private void send(List<Pending> batch) {
            List<ReservationRequest> requests = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                requests.add(pending.request);
            }
            CompletableFuture<Verdicts> call;
            try {
                call = Futures.plain(inventory.submitToKey(eventId, new ReserveSeats(requests)));
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            call.whenComplete((verdicts, failure) -> {
                // Answer first, then let go: the callers woken here queue their next requests while
                // this lane is still busy, so they leave together in the next call instead of the
                // first of them leaving alone.
                answer(batch, verdicts, failure);
                sending.set(false);
                sendIfIdle();
                if (queue.isEmpty() && !sending.get()) {
                    lanes.remove(eventId, this);
                }
            });
        }

        private void answer(List<Pending> batch, Verdicts verdicts, Throwable failure) {
            for (int i = 0; i < batch.size(); i++) {
                Pending pending = batch.get(i);
                if (failure != null) {
                    pending.answer.completeExceptionally(failure);
                } else {
                    pending.answer.complete(verdicts.decision(i, pending.request));
                }
            }
        }
    }
}
