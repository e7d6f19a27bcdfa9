package dev.booking.engine;

import com.hazelcast.cluster.Member;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import dev.booking.domain.Decision;
import dev.booking.domain.Inventory;
import dev.booking.domain.ReservationRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coalesces concurrent reservation requests into as few {@link ReserveSeats} calls as the cluster allows:
 * one call per batch, one batch in flight per member that owns events.
 *
 * <p>No timer: a request that finds its lane idle is sent at once, alone, so a quiet system pays no
 * extra latency. While a call is in flight, the requests that arrive for events of the same member queue
 * up and leave together as soon as it returns. Under an on-sale spike a batch grows to the concurrency at
 * hand, and one partition operation, one backup and one network round trip serve all of it. A batch that
 * spans several events (a busy evening of many small events) leaves as one call per event, all at once:
 * not as one call on several keys, which Hazelcast answers without waiting for the backups.
 *
 * <p>A lane per owning member, not one for everything: members decide in parallel, and a batch never
 * waits for another member's call.
 *
 * <p>Futures are completed on the thread that receives Hazelcast's response: callers must not block in
 * callbacks chained without an executor.
 */
final class GroupCommit {
    static final int MAX_BATCH = 512;

    private final IMap<String, Inventory> inventory;
    private final PartitionService partitions;
    private final ConcurrentHashMap<Object, Lane> lanes = new ConcurrentHashMap<>();

    GroupCommit(IMap<String, Inventory> inventory, PartitionService partitions) {
        this.inventory = inventory;
        this.partitions = partitions;
    }

    CompletableFuture<Decision> submit(ReservationRequest request) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        Lane lane = lanes.computeIfAbsent(laneOf(request), Lane::new);
        lane.queue.add(pending);
        lane.sendIfIdle();
        return pending.answer;
    }

    /** The member that owns the request's event (as far as this caller knows); its own lane if unknown. */
    private Object laneOf(ReservationRequest request) {
        Member owner = partitions.getPartition(request.eventId().value()).getOwner();
        return owner != null ? owner.getUuid() : request.eventId().value();
    }

    private record Pending(ReservationRequest request, CompletableFuture<Decision> answer) {
    }

    /** One event's share of a batch and the call that decides it. */
    private record EventCall(List<Pending> pendings, CompletableFuture<Verdicts> verdicts) {
        void answer() {
            Verdicts decided = null;
            Throwable failure = null;
            try {
                decided = verdicts.join();
            } catch (CompletionException | CancellationException e) {
                failure = e.getCause() != null ? e.getCause() : e;
            }
            for (int i = 0; i < pendings.size(); i++) {
                Pending pending = pendings.get(i);
                if (failure != null) {
                    pending.answer.completeExceptionally(failure);
                    continue;
                }
                try {
                    pending.answer.complete(decided.decision(i, pending.request));
                } catch (RuntimeException unreadable) {
                    // e.g. an answer from a member of another version: this caller fails, the others are answered
                    pending.answer.completeExceptionally(unreadable);
                }
            }
        }
    }

    /** The requests waiting for one member's events, and whether a call to it is in flight. */
    private final class Lane {
        private final Object key;
        private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean sending = new AtomicBoolean();

        Lane(Object key) {
            this.key = key;
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
            Map<String, List<Pending>> byEvent = new LinkedHashMap<>();
            for (Pending pending : batch) {
                byEvent.computeIfAbsent(pending.request.eventId().value(), id -> new ArrayList<>()).add(pending);
            }
            List<EventCall> calls = new ArrayList<>(byEvent.size());
            byEvent.forEach((eventId, pendings) -> calls.add(new EventCall(pendings, call(eventId, pendings))));
            // One hop off Hazelcast's response thread for the whole batch, once every call has returned.
            Futures.plain(CompletableFuture.allOf(calls.stream().map(EventCall::verdicts).toArray(CompletableFuture[]::new)))
                    .whenComplete((ignored, anyFailure) -> {
                        // Every caller is answered before the lane lets go: the callers woken here queue
                        // their next requests while this lane is still busy, so they leave together in the
                        // next call instead of the first of them leaving alone.
                        try {
                            calls.forEach(EventCall::answer);
                        } finally {
                            sending.set(false);
                            sendIfIdle();
                            if (queue.isEmpty() && !sending.get()) {
                                lanes.remove(key, this);
                            }
                        }
                    });
        }

        private CompletableFuture<Verdicts> call(String eventId, List<Pending> pendings) {
            List<ReservationRequest> requests = new ArrayList<>(pendings.size());
            pendings.forEach(pending -> requests.add(pending.request));
            try {
                return inventory.submitToKey(eventId, new ReserveSeats(requests)).toCompletableFuture();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }
}
