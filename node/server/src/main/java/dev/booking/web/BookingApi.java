package dev.booking.web;

import dev.booking.domain.InvalidInput;
import dev.booking.engine.BoxOffice;
import dev.booking.engine.Intake;
import dev.booking.pipelines.QueryViews;
import dev.booking.pipelines.Reconciliation;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The REST API as an unstarted Javalin app ({@link #create}), or as routes to mount on an application's
 * own Javalin app ({@link #mount}).
 */
public final class BookingApi {
    /** Bodies are small JSON objects; anything larger is refused with 413 before it is parsed. */
    public static final long MAX_BODY_BYTES = 64 * 1024;
    /**
     * A body declared larger than {@link #MAX_BODY_BYTES} but no larger than this is read and dropped before
     * the 413, so that a client still writing it reads the answer instead of a reset connection.
     */
    static final long MAX_BODY_BYTES_READ_TO_REFUSE = 1024 * 1024;
    private static final Duration READ_TO_REFUSE_FOR = Duration.ofSeconds(5);
    private static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    private BookingApi() {
    }

    /** What the API serves: the command side, the asynchronous intake, the query side, and health. */
    public record Backend(BoxOffice boxOffice, Intake intake, QueryViews views, Reconciliation reconciliation,
                          ClusterHealth health) {
    }

    public static Javalin create(Backend backend) {
        return create(backend, RecentReads.DEFAULT_KEEP);
    }

    /** @param keepEventPages how long a rendered {@code GET /events/{id}} answer is reused (zero: never) */
    public static Javalin create(Backend backend, Duration keepEventPages) {
        return Javalin.create(config -> configure(config, backend, keepEventPages));
    }

    public static void configure(JavalinConfig config, Backend backend) {
        configure(config, backend, RecentReads.DEFAULT_KEEP);
    }

    public static void configure(JavalinConfig config, Backend backend, Duration keepEventPages) {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.http.prefer405over404 = true;
        // Every answer is a few hundred bytes of JSON: compressing would cost more than it saves, and the
        // compressing stream wrapped every response even when it did not compress.
        config.http.compressionStrategy = CompressionStrategy.NONE;
        // Javalin copies each result through a buffer of this size, allocated per response (default 32 KiB).
        config.http.responseBufferSize = 4096;
        // A connection that breaks mid-request (typically while a node drains for shutdown) is answered,
        // if it can still be, as "unavailable, retry with the same id", not with Jetty's 499 page.
        config.jetty.clientAbortStatus = 503;
        // What Jetty answers by itself (unparseable requests, broken connections) is JSON too.
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
        inJsonIfBare(config, 503,
                "the node could not finish this request (it may be stopping); retrying with the same reservationId is safe");
        // A body that stops arriving is answered when the connection's idle timeout ends (30 s), by Javalin,
        // with its timeout status and no body: say so in JSON, like every other refusal.
        inJsonIfBare(config, 408, "the request body did not arrive in time; nothing was changed");
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        mount(config.routes, backend, keepEventPages);
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                Respond.problem(ctx, Problem.of(e.getStatus(), Problem.errorOf(e.getStatus()), httpDetail(e, ctx.method().name(), ctx.path()))));
        config.routes.exception(Exception.class, (e, ctx) -> Respond.problem(ctx, Respond.problemFor(e)));
    }

    /** Adds the booking routes (and the handling of their own errors) to an application's routes. */
    public static void mount(RoutesConfig routes, Backend backend) {
        mount(routes, backend, RecentReads.DEFAULT_KEEP);
    }

    /** @param keepEventPages how long a rendered {@code GET /events/{id}} answer is reused (zero: never) */
    public static void mount(RoutesConfig routes, Backend backend, Duration keepEventPages) {
        EventHandlers events = new EventHandlers(backend.boxOffice());
        ReservationHandlers reservations = new ReservationHandlers(backend.boxOffice(), backend.intake());
        QueryHandlers queries = new QueryHandlers(backend.views(), new RecentReads(keepEventPages));
        AdminHandlers admin = new AdminHandlers(backend.views(), backend.reconciliation(), backend.intake());
        HealthHandlers probes = new HealthHandlers(backend.health());
        Routes ours = new Routes(routes, backend.health());
        ours.add(HandlerType.PUT, "/events/{eventId}", events::define);
        ours.add(HandlerType.POST, "/events/{eventId}/reservations", reservations::reserve);
        ours.read("/events/{eventId}/reservations/{reservationId}", reservations::show);
        ours.add(HandlerType.DELETE, "/events/{eventId}/reservations/{reservationId}", reservations::cancel);
        ours.read("/events", queries::events);
        ours.read("/events/{eventId}", queries::event);
        ours.read("/events/{eventId}/stats", queries::stats);
        ours.read("/customers/{customerId}/reservations", queries::customer);
        // GET only: a HEAD would cost a whole reconciliation or a scrape for nothing
        ours.add(HandlerType.GET, "/admin/reconciliation", admin::reconcile);
        ours.add(HandlerType.POST, "/admin/views/repair", admin::repair);
        ours.add(HandlerType.POST, "/admin/views/rebuild", admin::rebuild);
        ours.add(HandlerType.GET, "/metrics", admin::metrics);
        ours.read("/health", probes::summary);
        ours.read("/health/live", probes::live);
        ours.read("/health/ready", probes::ready);
        routes.exception(ProblemException.class, (e, ctx) -> Respond.problem(ctx, e.problem()));
        routes.exception(InvalidInput.class, (e, ctx) ->
                Respond.problem(ctx, Problem.of(400, "invalid_field", e.getMessage(), e.field())));
    }

    /**
     * Adds routes, each with the checks before it ({@link #refuseWhatIsNeverRead}, and whether the node is
     * closed) on its own path only, so that an application that mounts them keeps its other routes as they are.
     */
    private record Routes(RoutesConfig routes, ClusterHealth health, Set<String> checked) {
        Routes(RoutesConfig routes, ClusterHealth health) {
            this(routes, health, new HashSet<>());
        }

        void add(HandlerType method, String path, Handler handler) {
            if (checked.add(path)) {
                boolean probe = path.startsWith("/health");
                routes.before(path, ctx -> {
                    if (!probe && health.closed()) {
                        throw new ProblemException(Problem.of(503, Problem.errorOf(503), "the booking node on this "
                                + "member is closed: send the request to another node (retrying with the same "
                                + "reservationId is safe)"));
                    }
                    refuseWhatIsNeverRead(ctx);
                });
            }
            routes.addHttpHandler(method, path, handler);
        }

        /**
         * A read, for GET and HEAD alike: Javalin answers a HEAD on a GET route 200 without running it,
         * which would tell a client that checks a reservation or an event with HEAD that anything exists.
         */
        void read(String path, Handler handler) {
            add(HandlerType.GET, path, handler);
            add(HandlerType.HEAD, path, handler);
        }
    }

    /**
     * Before any of our routes: a request whose method an {@code X-HTTP-Method-Override} header would change
     * (Javalin honours it, so a GET could cancel a reservation) is refused, and so is a body declared larger
     * than {@link #MAX_BODY_BYTES}, before any of it is parsed. A body up to
     * {@link #MAX_BODY_BYTES_READ_TO_REFUSE} that is on its way is read and dropped first: answering while
     * the client still writes makes Jetty close the connection under it, and a client such as Java's
     * HttpClient then reports a broken pipe, not the 413. A larger body, or one the client waits to be
     * invited to send ({@code Expect: 100-continue}), is refused at once and never read.
     */
    private static void refuseWhatIsNeverRead(Context ctx) {
        if (ctx.header(METHOD_OVERRIDE) != null) {
            throw ProblemException.badRequest("method_override_not_supported",
                    "the " + METHOD_OVERRIDE + " header is not supported: send the request with its own method", METHOD_OVERRIDE);
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            if (declared <= MAX_BODY_BYTES_READ_TO_REFUSE && !"100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
                readAndDrop(ctx);
            }
            throw new ProblemException(Problem.of(413, Problem.errorOf(413), httpDetail413()));
        }
    }

    /**
     * Reads the body and drops it, for at most {@link #READ_TO_REFUSE_FOR} (give or take one read): a client
     * that sends it slowly gets its 413 then, on a connection that is closed after it.
     */
    private static void readAndDrop(Context ctx) {
        long deadline = System.nanoTime() + READ_TO_REFUSE_FOR.toNanos();
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream body = ctx.req().getInputStream();
            while (body.read(buffer) >= 0) {
                if (System.nanoTime() > deadline) {
                    ctx.header("Connection", "close");
                    return;
                }
            }
        } catch (IOException e) {
            // The client stopped sending: the 413 goes out anyway, on a connection Jetty then closes.
        }
    }

    private static String httpDetail413() {
        return "the request body is larger than " + MAX_BODY_BYTES + " bytes";
    }

    /** An answer Javalin gives with this status and no body of its own, as a problem in JSON. */
    private static void inJsonIfBare(JavalinConfig config, int status, String detail) {
        config.routes.error(status, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.contains("json")) {
                Respond.problem(ctx, Problem.of(status, Problem.errorOf(status), detail));
            }
        });
    }

    private static String httpDetail(HttpResponseException e, String method, String path) {
        return switch (e.getStatus()) {
            case 404 -> "no route " + method + " " + path;
            case 405 -> "method " + method + " is not allowed on " + path;
            case 413 -> httpDetail413();
            default -> e.getMessage();
        };
    }
}
