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
import java.util.concurrent.CompletableFuture;
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
 * hand, and one partition operation, one backup and one network round trip serve all of it. A batch for
 * one event is one entry-processor call on its key; a batch for several events (a busy evening of many
 * small events) is one call on all their keys, which the member runs on each key's partition thread.
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
            List<ReservationRequest> requests = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                byEvent.computeIfAbsent(pending.request.eventId().value(), id -> new ArrayList<>()).add(pending);
                requests.add(pending.request);
            }
            CompletableFuture<Map<String, Verdicts>> call;
            try {
                call = call(byEvent, requests);
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            call.whenComplete((verdicts, failure) -> {
                // Answer first, then let go: the callers woken here queue their next requests while
                // this lane is still busy, so they leave together in the next call instead of the
                // first of them leaving alone.
                byEvent.forEach((eventId, pendings) ->
                        answer(pendings, verdicts == null ? null : verdicts.get(eventId), failure));
                sending.set(false);
                sendIfIdle();
                if (queue.isEmpty() && !sending.get()) {
                    lanes.remove(key, this);
                }
            });
        }

        private CompletableFuture<Map<String, Verdicts>> call(Map<String, List<Pending>> byEvent,
                                                              List<ReservationRequest> requests) {
            ReserveSeats reserve = new ReserveSeats(requests);
            if (byEvent.size() == 1) {
                String eventId = byEvent.keySet().iterator().next();
                return Futures.plain(inventory.submitToKey(eventId, reserve)).thenApply(v -> Map.of(eventId, v));
            }
            return Futures.plain(inventory.submitToKeys(byEvent.keySet(), reserve));
        }

        private void answer(List<Pending> pendings, Verdicts verdicts, Throwable failure) {
            for (int i = 0; i < pendings.size(); i++) {
                Pending pending = pendings.get(i);
                if (failure != null) {
                    pending.answer.completeExceptionally(failure);
                } else if (verdicts == null) {
                    pending.answer.completeExceptionally(new IllegalStateException(
                            "no verdicts for event " + pending.request.eventId() + " in the batch's answer"));
                } else {
                    pending.answer.complete(verdicts.decision(i, pending.request));
                }
            }
        }
    }
}
