package dev.booking.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import dev.booking.engine.BookingConfig;
import dev.booking.engine.BookingSerialization;
import dev.booking.engine.BoxOffice;
import dev.booking.engine.Intake;
import dev.booking.engine.IntakeDecider;
import dev.booking.pipelines.LostViewRecovery;
import dev.booking.pipelines.QueryViews;
import dev.booking.pipelines.Reconciliation;
import dev.booking.pipelines.ViewJobKeeper;
import dev.booking.pipelines.ViewJobSubmission;
import dev.booking.pipelines.ViewLayout;
import dev.booking.pipelines.ViewMaps;
import dev.booking.pipelines.ViewSerialization;
import dev.booking.web.BookingApi;
import dev.booking.web.ClusterHealth;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * A running booking node: a Hazelcast member (its own, or one the application already has), the
 * engine on it, and optionally the REST API. Started in that order, stopped in reverse.
 *
 * <pre>{@code
 * try (BookingNode node = BookingNode.builder().settings(NodeSettings.defaults()).start()) {
 *     node.boxOffice().reserve(request);
 * }
 * }</pre>
 */
public final class BookingNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BookingNode.class);
    /**
     * How long a start waits for the view job's submission before it goes on without it (it normally
     * takes well under a second; see {@link ViewJobSubmission} for when it does not).
     */
    static final Duration VIEW_JOB_WAIT = Duration.ofSeconds(10);
    /** The member's user-context key under which the node running on it is held. */
    private static final String RUNNING_NODE = "dev.booking.node.BookingNode";
    /** The member's user-context key under which its intake decider is held. */
    private static final String INTAKE_DECIDER = "dev.booking.engine.IntakeDecider";

    private final HazelcastInstance member;
    private final boolean ownsMember;
    private final BoxOffice boxOffice;
    private final Intake intake;
    /** What the node runs beside the member and the HTTP server, stopped last first. */
    private final List<AutoCloseable> chores;
    private final ClusterHealth health;
    private final BookingApi.Backend backend;
    private final Javalin http;
    private final Duration drainDelay;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BookingNode(HazelcastInstance member, boolean ownsMember, BookingApi.Backend backend,
                        List<AutoCloseable> chores, Javalin http, Duration drainDelay) {
        this.member = member;
        this.ownsMember = ownsMember;
        this.backend = backend;
        this.boxOffice = backend.boxOffice();
        this.intake = backend.intake();
        this.health = backend.health();
        this.chores = chores;
        this.http = http;
        this.drainDelay = drainDelay;
    }

    /**
     * Prepares an application's member configuration for the engine: serializers of the command and the
     * query side, the engine's and the views' map settings (where the configuration has none), Jet. Call
     * it before {@code Hazelcast.newHazelcastInstance}.
     */
    public static Config prepare(Config config) {
        BookingConfig.prepare(config);
        ViewMaps.addSettingsIfMissing(config);
        if (!ViewSerialization.isRegistered(config.getSerializationConfig())) {
            ViewSerialization.register(config.getSerializationConfig());
        }
        return config;
    }

    public static Builder builder() {
        return new Builder();
    }

    public HazelcastInstance member() {
        return member;
    }

    /**
     * Commands: decided on the partition owners, wherever this is called. Refused once the node is closed;
     * a box office taken before still works while the member runs (see {@link #close}).
     */
    public BoxOffice boxOffice() {
        return open(boxOffice);
    }

    public ClusterHealth health() {
        return health;
    }

    /** The asynchronous intake; refused once the node is closed (see {@link #close}). */
    public Intake intake() {
        return open(intake);
    }

    /**
     * Everything the REST API serves, to mount its routes on an application's own Javalin app. Once the
     * node is closed those routes answer 503 {@code unavailable} (the health probes excepted).
     */
    public BookingApi.Backend api() {
        return open(backend);
    }

    /** The port the REST API listens on; -1 without HTTP. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /**
     * Stops taking requests (readiness turns 503 first), lets the ones in flight finish, stops what the
     * node runs for the cluster (the intake's decider, the views' keeper and recovery), then shuts its own
     * member down gracefully: its partitions move to the other members before it leaves.
     *
     * <p>On an application's member, the member keeps running and keeps its share of the data, and with
     * it what belongs to the member rather than to the node: what is decided on its partitions is still
     * published to the views, and the requests the intake accepted on its partitions are still decided
     * (the intake's decider runs as long as the member does). The view job, which serves the whole
     * cluster, goes on. Routes mounted from {@link #api()} answer 503, and {@link #boxOffice()},
     * {@link #intake()} and {@link #api()} throw; a box office or intake taken before still works while
     * the member runs. Another node may then be started on the member.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        health.drain();
        try {
            if (http != null) {
                pause(drainDelay);
                http.stop();
            }
        } finally {
            health.close();
            stopAll(chores, (chore, e) -> LOG.warn("stopping {} failed", chore.getClass().getSimpleName(), e));
            if (ownsMember && member.getLifecycleService().isRunning()) {
                member.shutdown();
            }
            Builder.release(member, this);
        }
    }

    private <T> T open(T part) {
        if (closed.get()) {
            throw new IllegalStateException("this booking node is closed: start a new one with BookingNode.builder()");
        }
        return part;
    }

    /** Stops each part in turn; one that fails to stop is handed to {@code onFailure} and the rest still stop. */
    private static void stopAll(Iterable<AutoCloseable> parts, BiConsumer<AutoCloseable, Exception> onFailure) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                onFailure.accept(part, e);
            }
        }
    }

    /** Gives load balancers time to see the 503 of readiness before the HTTP server stops. */
    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private NodeSettings settings = NodeSettings.defaults();
        private HazelcastInstance existing;
        private boolean http = true;

        public Builder settings(NodeSettings settings) {
            this.settings = settings;
            return this;
        }

        /**
         * Runs the engine on a member the application already has. Its configuration must have been
         * passed through {@link BookingNode#prepare} before the member started (serializers cannot be
         * added later); the engine's map settings are added to the running member if missing.
         */
        public Builder onMember(HazelcastInstance member) {
            this.existing = member;
            return this;
        }

        public Builder withHttp(boolean http) {
            this.http = http;
            return this;
        }

        public BookingNode start() {
            HazelcastInstance member = existing != null ? adopt(existing)
                    : Hazelcast.newHazelcastInstance(MemberConfig.of(settings));
            Object claim = claim(member);
            // What this start set going, stopped again (last first) if a later step fails: on an
            // application's own member, nothing of the engine may keep running after a failed start.
            Deque<AutoCloseable> started = new ArrayDeque<>();
            try {
                BoxOffice boxOffice = new BoxOffice(member);
                submitViewJob(member, started);
                ViewLayout.noteOrWarn(member);
                Reconciliation reconciliation = new Reconciliation(member, boxOffice);
                push(started, LostViewRecovery.watch(member, reconciliation));
                push(started, ViewJobKeeper.keep(member, reconciliation));
                BookingApi.Backend backend = new BookingApi.Backend(boxOffice, new Intake(member),
                        new QueryViews(member), reconciliation, new ClusterHealth(member));
                if (settings.demo()) {
                    DemoEvents.load(boxOffice);
                }
                Javalin api = http ? serve(backend, member) : null;
                decideTheIntakeWhileTheMemberRuns(member, boxOffice);
                BookingNode node = new BookingNode(member, existing == null, backend, List.copyOf(started), api,
                        Duration.ofSeconds(settings.drainSeconds()));
                member.getUserContext().replace(RUNNING_NODE, claim, node);
                return node;
            } catch (RuntimeException | Error e) {
                stopAll(started, (part, failure) -> e.addSuppressed(failure));
                release(member, claim);
                if (existing == null) {
                    member.shutdown();
                }
                throw e;
            }
        }

        /** Submits the view job unless it runs, waiting for Jet's answer at most {@link #VIEW_JOB_WAIT}. */
        private static void submitViewJob(HazelcastInstance member, Deque<AutoCloseable> started) {
            ViewJobSubmission viewJob = push(started, ViewJobSubmission.begin(member));
            if (!viewJob.awaitSubmitted(VIEW_JOB_WAIT)) {
                LOG.warn("no answer from Jet's coordinator to the view job's submission in {} s: the node "
                        + "starts without it (a job already running in the cluster goes on; if none exists, the "
                        + "oldest member submits it; the log says when the answer comes)", VIEW_JOB_WAIT.toSeconds());
            }
        }

        private Javalin serve(BookingApi.Backend backend, HazelcastInstance member) {
            Javalin api = BookingApi.create(backend, Duration.ofMillis(settings.eventPageMillis()))
                    .start(settings.httpHost(), settings.httpPort());
            LOG.info("booking node ready: REST API on {}:{}, member {} in cluster '{}' of {}",
                    settings.httpHost(), api.port(), member.getCluster().getLocalMember().getAddress(),
                    member.getConfig().getClusterName(), member.getCluster().getMembers().size());
            return api;
        }

        private static <T extends AutoCloseable> T push(Deque<AutoCloseable> started, T part) {
            started.push(part);
            return part;
        }

        /**
         * The intake's decider decides the requests accepted on this member's partitions, so it runs as long
         * as the member holds them: from the first node's start until the member stops, whatever nodes are
         * closed and started on it in between.
         */
        private static void decideTheIntakeWhileTheMemberRuns(HazelcastInstance member, BoxOffice boxOffice) {
            member.getUserContext().computeIfAbsent(INTAKE_DECIDER, key -> {
                IntakeDecider decider = new IntakeDecider(member, boxOffice, Duration.ofSeconds(1));
                member.getLifecycleService().addLifecycleListener(event -> {
                    if (event.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN) {
                        decider.close();
                    }
                });
                return decider;
            });
        }

        /**
         * One node per member: a second would run a second view keeper on it, and its close would stop what
         * the first still relies on.
         */
        private static Object claim(HazelcastInstance member) {
            Object claim = new Object();
            if (member.getUserContext().putIfAbsent(RUNNING_NODE, claim) != null) {
                throw new IllegalStateException("a booking node already runs on this member: use that one, "
                        + "or close it before starting another");
            }
            return claim;
        }

        static void release(HazelcastInstance member, Object claim) {
            if (member.getLifecycleService().isRunning()) {
                member.getUserContext().remove(RUNNING_NODE, claim);
            }
        }

        private static HazelcastInstance adopt(HazelcastInstance member) {
            var config = member.getConfig();
            if (!BookingSerialization.isRegistered(config.getSerializationConfig())
                    || !ViewSerialization.isRegistered(config.getSerializationConfig())) {
                throw new IllegalStateException("this member was started without the booking engine's serializers: "
                        + "pass its Config through BookingNode.prepare(config) before Hazelcast.newHazelcastInstance");
            }
            if (config.getMapConfigOrNull(BoxOffice.INVENTORY_MAP) == null) {
                config.addMapConfig(new MapConfig(BoxOffice.INVENTORY_MAP)
                        .setInMemoryFormat(InMemoryFormat.OBJECT).setBackupCount(1));
            }
            return member;
        }
    }
}
