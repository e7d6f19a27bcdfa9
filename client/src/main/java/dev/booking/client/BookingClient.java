package dev.booking.client;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import dev.booking.domain.Cancellation;
import dev.booking.domain.Decision;
import dev.booking.domain.EventAvailability;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Revision;
import dev.booking.engine.BookingSerialization;
import dev.booking.engine.BoxOffice;
import dev.booking.engine.Intake;
import dev.booking.engine.ReservationLookup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A connection to a booking cluster.
 *
 * <pre>{@code
 * try (BookingClient client = BookingClient.connect("booking", List.of("127.0.0.1:5701"))) {
 *     Decision decision = client.reserve(new ReservationRequest(event, id, category, customer, 2)).join();
 * }
 * }</pre>
 *
 * Every command is idempotent by its ids, so a failure that leaves the outcome unknown (a member
 * crashed, a connection dropped) is retried with the same request until {@code retryFor} runs out;
 * the answer is then the one the engine gave the first time.
 */
public final class BookingClient implements AutoCloseable {
    private final HazelcastInstance hazelcast;
    private final BoxOffice boxOffice;
    private final Intake intake;
    private final ReservationLookup lookup;
    private final Retry retry;
    /** Hazelcast's value for a cluster connect timeout without end. */
    static final long NEVER_GIVE_UP = -1;

    private BookingClient(HazelcastInstance hazelcast, Duration retryFor) {
        this.hazelcast = hazelcast;
        this.boxOffice = new BoxOffice(hazelcast);
        this.intake = new Intake(hazelcast);
        this.lookup = new ReservationLookup(boxOffice, intake);
        this.retry = new Retry(retryFor);
    }

    public static BookingClient connect(String clusterName, List<String> addresses) {
        return connect(clusterName, addresses, Duration.ofSeconds(30));
    }

    /**
     * Connects, waiting at most {@code retryFor} for a first member to answer (else throws
     * {@code IllegalStateException} naming the cluster and addresses). Once connected, the client never
     * gives up on the cluster: cut off from it, it reconnects whenever a member is back, and a call made
     * meanwhile is retried for {@code retryFor}, then fails; the client itself stays usable.
     */
    public static BookingClient connect(String clusterName, List<String> addresses, Duration retryFor) {
        CountDownLatch connected = new CountDownLatch(1);
        ClientConfig config = config(clusterName, addresses);
        // started at once, so that the wait for the first connection is ours to bound; Hazelcast's own
        // bound (the cluster connect timeout) would also end the client after an outage that long
        config.getConnectionStrategyConfig().setAsyncStart(true);
        config.addListenerConfig(new ListenerConfig((LifecycleListener) event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.CLIENT_CONNECTED
                    || event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                connected.countDown();
            }
        }));
        // a call cut off from the cluster fails after retryFor, not after Hazelcast's 120 s
        config.setProperty("hazelcast.client.invocation.timeout.seconds",
                String.valueOf(Math.max(1, (retryFor.toMillis() + 999) / 1000)));
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        try {
            boolean answered = awaitQuietly(connected, retryFor);
            boolean running = client.getLifecycleService().isRunning();
            if (!answered || !running) {
                throw new IllegalStateException("no member of cluster '" + clusterName + "' answered at " + addresses
                        + " within " + retryFor.toMillis() + " ms"
                        + (running ? "" : " (the client was shut down: see Hazelcast's log for why)"));
            }
            return on(client, retryFor);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch, Duration wait) {
        try {
            return latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A client configuration with the engine's serializers, for applications that tune it further. It never
     * gives up reconnecting, so {@code HazelcastClient.newHazelcastClient} with it waits until a member
     * answers (as {@link #connect} does not: it bounds that wait).
     */
    public static ClientConfig config(String clusterName, List<String> addresses) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.getNetworkConfig().setAddresses(addresses).setRedoOperation(true);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(NEVER_GIVE_UP);
        // A command whose backup did not acknowledge in time fails (and is retried with the same request)
        // instead of answering as if it were safe: the owner may have crashed before its backup applied it,
        // and the answer would then be a decision the cluster no longer holds.
        config.setProperty("hazelcast.client.operation.fail.on.indeterminate.state", "true");
        config.setProperty("hazelcast.logging.type", System.getProperty("hazelcast.logging.type", "jdk"));
        BookingSerialization.register(config.getSerializationConfig());
        return config;
    }

    /** Wraps a Hazelcast client the application created from {@link #config}. */
    public static BookingClient on(HazelcastInstance client, Duration retryFor) {
        return new BookingClient(client, retryFor);
    }

    /** Decides a reservation. Concurrent calls for the same event travel together (group commit). */
    public CompletableFuture<Decision> reserve(ReservationRequest request) {
        return retry.call(() -> boxOffice.reserve(request));
    }

    /** Decides a reservation in a call of its own (no group commit). */
    public CompletableFuture<Decision> reserveAlone(ReservationRequest request) {
        return retry.call(() -> boxOffice.reserveAlone(request));
    }

    /**
     * Hands a request to the asynchronous intake: the future completes with {@code Pending} once it is
     * durably accepted (or with the recorded decision, a conflict or a refusal); a member of the cluster
     * decides it soon after. Poll {@link #reservation} for the outcome, or use {@link #submit}.
     */
    public CompletableFuture<Decision> accept(ReservationRequest request) {
        return retry.call(() -> intake.accept(request));
    }

    /**
     * The asynchronous submission: the request is durably accepted first (so it is decided even if this
     * client goes away), then decided at once; the future completes with the decision. The call that
     * queued the request gets it unmarked even when a member's intake decider decided it first; a call
     * that found it already waiting or decided is a retry, and its decision says {@code replay}. A request
     * its event no longer allows by the time it is decided (a category removed, a lower limit) is
     * rejected ({@code EVENT_CHANGED}), not refused, since it was accepted.
     */
    public CompletableFuture<Decision> submit(ReservationRequest request) {
        return retry.call(() -> intake.acceptSaying(request)).thenCompose(acceptance ->
                acceptance.decision() instanceof Decision.Pending
                        ? retry.call(() -> boxOffice.decideAccepted(request))
                                .thenApply(decision -> decision.asReplay(!acceptance.queuedNow()))
                        : CompletableFuture.completedFuture(acceptance.decision()));
    }

    public CompletableFuture<Cancellation> cancel(EventId eventId, ReservationId reservationId) {
        return retry.call(() -> boxOffice.cancel(eventId, reservationId));
    }

    /** The reservation as decided, or PENDING while it waits in the intake; empty if unknown. */
    public CompletableFuture<Optional<Reservation>> reservation(EventId eventId, ReservationId reservationId) {
        return retry.call(() -> lookup.find(eventId, reservationId));
    }

    public CompletableFuture<Revision> define(EventDefinition definition) {
        return retry.call(() -> boxOffice.define(definition));
    }

    public CompletableFuture<Optional<EventAvailability>> availability(EventId eventId) {
        return retry.call(() -> boxOffice.availability(eventId));
    }

    public List<EventAvailability> events() {
        return boxOffice.events();
    }

    /** Shuts the Hazelcast client down; a call still being retried then fails. */
    @Override
    public void close() {
        hazelcast.shutdown();
        retry.close();
    }
}
