package dev.booking.client.bench;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import dev.booking.engine.JvmDefaults;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A yardstick, not the engine: what the design of issue 4's throwaway prototype does on this machine.
 * One entry holds an event's remaining seats and a ledger of reservation ids; concurrent requests are
 * coalesced into one entry-processor call (one call in flight, no timer); nothing else — no view job,
 * no outbox, no categories, no checks beyond the seat count. Its figure is the ceiling the engine's
 * {@code hot-event} figure should be read against on the same machine.
 *
 * <pre>
 * java -cp booking-bench.jar dev.booking.client.bench.BareDesign member [port] [members]        # one JVM per member
 * java -cp booking-bench.jar dev.booking.client.bench.BareDesign client [addresses] [threads] [seconds] [warmup] [calls] [events]
 * </pre>
 * {@code members} and {@code addresses} are comma-separated {@code host:port} lists (a two-member
 * cluster: {@code member 5801 127.0.0.1:5801,127.0.0.1:5802} and {@code member 5802 ...}, the same list).
 * {@code calls} is {@code coalesced} (the default), {@code alone} (one call per reservation) or
 * {@code keys}; {@code events} (default 1) spreads the requests uniformly over that many events, as
 * {@code many-events} does. A coalesced batch over several events leaves as one call per event, all at
 * once, like the engine's; {@code keys} sends it as one call on all its keys ({@code submitToKeys}), which
 * Hazelcast answers without waiting for the backups: a design the engine cannot use, measured only to
 * show what a call per event costs.
 *
 * <p>The load (ids, seats, replays, run names) is drawn on the client side; the entry processor
 * ({@link Reserve}) reads no clock and no random source, so its re-run on the backup decides the same.
 * Its coalescing loop is a stripped copy of the engine's group commit on purpose: the yardstick must not
 * move when the engine does.
 */
public final class BareDesign {
    private static final String CLUSTER = "bare-design";
    private static final String MAP = "bare.stock";
    private static final int MAX_BATCH = 512;

    private final IMap<String, Stock> stock;
    private final PartitionService partitions;
    private final String calls;
    private final int events;
    private final ConcurrentHashMap<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final Lane onlyLane = new Lane();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong batched = new AtomicLong();
    private final AtomicLong eventCalls = new AtomicLong();

    private BareDesign(IMap<String, Stock> stock, PartitionService partitions, String calls, int events) {
        this.stock = stock;
        this.partitions = partitions;
        this.calls = calls;
        this.events = events;
    }

    public static void main(String[] args) throws Exception {
        JvmDefaults.apply();
        if (args.length > 0 && args[0].equals("member")) {
            startMember(args.length > 1 ? Integer.parseInt(args[1]) : 5801, args.length > 2 ? args[2] : "");
            return;
        }
        System.exit(run(args, System.out));
    }

    static HazelcastInstance startMember(int port, String members) {
        Config config = new Config();
        config.setClusterName(CLUSTER);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.getJetConfig().setEnabled(false);
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false)
                .getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        for (String member : members.split(",")) {
            if (!member.isBlank()) {
                config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember(member.trim());
            }
        }
        config.getMapConfig(MAP).setInMemoryFormat(InMemoryFormat.OBJECT).setBackupCount(1);
        return Hazelcast.newHazelcastInstance(config);
    }

    /** The client side: {@code [addresses] [threads] [seconds] [warmup] [calls] [events]}; prints a line and a JSON line. */
    static int run(String[] args, PrintStream out) throws InterruptedException {
        String address = args.length > 1 ? args[1] : "127.0.0.1:5801";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        String calls = args.length > 5 ? args[5] : "coalesced";
        int events = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        if (!List.of("coalesced", "alone", "keys").contains(calls) || events < 1) {
            throw new IllegalArgumentException("calls must be coalesced, alone or keys, and events at least 1");
        }
        ClientConfig config = new ClientConfig();
        config.setClusterName(CLUSTER);
        config.setProperty("hazelcast.logging.type", "jdk");
        config.getNetworkConfig().addAddress(address.split(","));
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        try {
            BareDesign design = new BareDesign(client.getMap(MAP), client.getPartitionService(), calls, events);
            design.load("warm-up-" + System.nanoTime(), threads, warmup);
            design.batches.set(0);
            design.batched.set(0);
            design.eventCalls.set(0);
            Load sale = design.load("sale-" + System.nanoTime(), threads, seconds);
            long decisions = sale.decisions();
            double perSecond = decisions / (double) seconds;
            double batch = design.batched.get() / (double) Math.max(1, design.batches.get());
            double perCall = design.batched.get() / (double) Math.max(1, design.eventCalls.get());
            double p50 = sale.latency().millis(50);
            double p99 = sale.latency().millis(99);
            double p999 = sale.latency().millis(99.9);
            out.printf("bare design, %s, %d event(s): %,.0f decisions/s, %d threads, %d s, average batch %.1f, "
                            + "requests per event call %.1f, latency p50 %.3f ms p99 %.3f ms p99.9 %.3f ms%n",
                    calls.equals("alone") ? "one call per reservation" : calls, events, perSecond, threads, seconds,
                    batch, perCall, p50, p99, p999);
            out.printf("{\"tool\":\"bare-design\",\"calls\":\"%s\",\"events\":%d,\"threads\":%d,\"seconds\":%d,"
                            + "\"decisions\":%d,\"decisionsPerSecond\":%.1f,\"averageBatch\":%.1f,"
                            + "\"requestsPerEventCall\":%.1f,"
                            + "\"latencyMillis\":{\"p50\":%.3f,\"p99\":%.3f,\"p999\":%.3f}}%n",
                    calls, events, threads, seconds, decisions, perSecond, batch, perCall, p50, p99, p999);
            return decisions > 0 ? 0 : 1;
        } finally {
            client.shutdown();
        }
    }

    /**
     * Closed loop like {@code hot-event}: new ids, 1–4 seats, 5 % replays of a thread's own requests (a
     * replay asks the same event again); with several events, each new request picks one uniformly.
     */
    private Load load(String run, int threads, int seconds) throws InterruptedException {
        AtomicLong decisions = new AtomicLong();
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> buyers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int number = t;
            Histogram timings = latencies.newBuyer();
            Thread buyer = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(number);
                List<String[]> past = new ArrayList<>();
                long sequence = 0;
                while (System.nanoTime() < end) {
                    String[] asking;
                    if (!past.isEmpty() && random.nextDouble() < 0.05) {
                        asking = past.get(random.nextInt(past.size()));
                    } else {
                        asking = new String[] {run + "-" + random.nextInt(events), number + "-" + sequence++};
                        if (past.size() < 256) {
                            past.add(asking);
                        }
                    }
                    long asked = System.nanoTime();
                    decide(asking[0], asking[1], 1 + random.nextInt(4));
                    Latencies.record(timings, System.nanoTime() - asked);
                    decisions.incrementAndGet();
                }
            });
            buyer.start();
            buyers.add(buyer);
        }
        for (Thread buyer : buyers) {
            buyer.join();
        }
        return new Load(decisions.get(), latencies.merged());
    }

    /** What a load did: its decisions and their latencies. */
    private record Load(long decisions, Latencies.Merged latency) {
    }

    private byte decide(String event, String id, int seats) {
        if (calls.equals("alone")) {
            return stock.executeOnKey(event, new Reserve(new String[] {id}, new int[] {seats}))[0];
        }
        Pending pending = new Pending(event, id, seats, new CompletableFuture<>());
        Lane lane = events == 1 ? onlyLane : laneOf(event);
        lane.queue.add(pending);
        lane.sendIfIdle();
        return pending.answer.join();
    }

    /** The lane of the member that owns the event; with one event, one lane and no look-up per request, as before. */
    private Lane laneOf(String event) {
        Member owner = partitions.getPartition(event).getOwner();
        return lanes.computeIfAbsent(owner == null ? new UUID(0, 0) : owner.getUuid(), uuid -> new Lane());
    }

    private record Pending(String event, String id, int seats, CompletableFuture<Byte> answer) {
    }

    /** The requests for one member's events and whether a batch to it is in flight: one batch at a time. */
    private final class Lane {
        private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean sending = new AtomicBoolean();

        void sendIfIdle() {
            while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
                List<Pending> batch = new ArrayList<>();
                Pending next;
                while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                    batch.add(next);
                }
                if (batch.isEmpty()) {
                    sending.set(false);
                    continue;
                }
                batches.incrementAndGet();
                batched.addAndGet(batch.size());
                try {
                    send(batch);
                } catch (RuntimeException refused) {
                    // a call that failed before it left (the client shutting down): its callers fail, the lane goes on
                    batch.forEach(pending -> pending.answer.completeExceptionally(refused));
                    sending.set(false);
                    continue;
                }
                return;
            }
        }

        /**
         * The batch by event, one call per event (or one on all keys); once every call has returned, each
         * caller is answered and the lane lets go, on one pool thread (with one event: exactly as before).
         */
        private void send(List<Pending> batch) {
            Map<String, List<Pending>> byEvent = new HashMap<>();
            for (Pending pending : batch) {
                byEvent.computeIfAbsent(pending.event, e -> new ArrayList<>()).add(pending);
            }
            Map<String, CompletableFuture<byte[]>> answers = new HashMap<>();
            if (calls.equals("keys")) {
                Map<String, Reserve> reserves = new HashMap<>();
                byEvent.forEach((event, pendings) -> reserves.put(event, Reserve.of(pendings)));
                eventCalls.incrementAndGet();
                CompletableFuture<Map<String, byte[]>> all =
                        stock.submitToKeys(reserves.keySet(), new ReserveByKey(reserves)).toCompletableFuture();
                byEvent.keySet().forEach(event -> answers.put(event, all.thenApply(byKey -> byKey.get(event))));
            } else {
                byEvent.forEach((event, pendings) -> {
                    eventCalls.incrementAndGet();
                    answers.put(event, stock.submitToKey(event, Reserve.of(pendings)).toCompletableFuture());
                });
            }
            CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new)).whenCompleteAsync((ignored, any) -> {
                try {
                    byEvent.forEach((event, pendings) -> answer(pendings, answers.get(event)));
                } finally {
                    sending.set(false);
                    sendIfIdle();
                }
            }, ForkJoinPool.commonPool());
        }

        private void answer(List<Pending> pendings, CompletableFuture<byte[]> call) {
            byte[] answers = null;
            Throwable failure = null;
            try {
                answers = call.join();
            } catch (RuntimeException e) {
                failure = e.getCause() != null ? e.getCause() : e;
            }
            for (int i = 0; i < pendings.size(); i++) {
                if (answers != null) {
                    pendings.get(i).answer.complete(answers[i]);
                } else {
                    pendings.get(i).answer.completeExceptionally(failure != null ? failure
                            : new IllegalStateException("no answer for event " + pendings.get(i).event));
                }
            }
        }
    }

    /** An event's seats and ledger. */
    static final class Stock implements Serializable {
        private long remaining = 1_000_000_000L;
        private final Map<String, Byte> ledger = new HashMap<>();
    }

    /** Decides a batch on the event's partition thread: 1 = confirmed, 2 = rejected; a known id answers as before. */
    record Reserve(String[] ids, int[] seats) implements EntryProcessor<String, Stock, byte[]> {
        static Reserve of(List<Pending> pendings) {
            String[] ids = new String[pendings.size()];
            int[] seats = new int[pendings.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = pendings.get(i).id;
                seats[i] = pendings.get(i).seats;
            }
            return new Reserve(ids, seats);
        }

        @Override
        public byte[] process(Map.Entry<String, Stock> entry) {
            Stock stock = entry.getValue() == null ? new Stock() : entry.getValue();
            byte[] answers = new byte[ids.length];
            for (int i = 0; i < ids.length; i++) {
                Byte before = stock.ledger.get(ids[i]);
                if (before == null) {
                    before = stock.remaining >= seats[i] ? (byte) 1 : (byte) 2;
                    if (before == 1) {
                        stock.remaining -= seats[i];
                    }
                    stock.ledger.put(ids[i], before);
                }
                answers[i] = before;
            }
            entry.setValue(stock);
            return answers;
        }
    }

    /** The batches of several events in one call on all their keys: each entry runs its own event's batch. */
    record ReserveByKey(Map<String, Reserve> byEvent) implements EntryProcessor<String, Stock, byte[]> {
        @Override
        public byte[] process(Map.Entry<String, Stock> entry) {
            return byEvent.get(entry.getKey()).process(entry);
        }
    }
}
