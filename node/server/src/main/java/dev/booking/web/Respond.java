package dev.booking.web;

import com.hazelcast.core.HazelcastException;
import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/** Writing answers: JSON bodies, problem details, and what an infrastructure failure means to a client. */
final class Respond {
    private static final Logger LOG = LoggerFactory.getLogger(Respond.class);
    static final String PROBLEM_JSON = "application/problem+json";

    private Respond() {
    }

    static void json(Context ctx, int status, Object body) {
        rendered(ctx, status, Json.write(body));
    }

    /** A body already rendered as JSON (see {@link RecentReads}). */
    static void rendered(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json").result(json);
    }

    static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(Json.write(problem));
    }

    /** Answers from a command's future; a failure of the cluster becomes a 503 the client may retry. */
    static <T> void later(Context ctx, CompletableFuture<T> answer, BiConsumer<Context, T> respond) {
        ctx.future(() -> answer.handle((value, failure) -> {
            if (failure == null) {
                respond.accept(ctx, value);
            } else {
                problem(ctx, problemFor(failure));
            }
            return null;
        }));
    }

    static Problem problemFor(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ProblemException p) {
            return p.problem();
        }
        Optional<HttpException> malformed = malformedRequest(cause);
        if (malformed.isPresent()) {
            int status = malformed.get().getCode();
            return Problem.of(status, Problem.errorOf(status), "the request could not be read: "
                    + ((Throwable) malformed.get()).getMessage());
        }
        if (cause instanceof java.io.IOException) {
            return Problem.of(503, Problem.errorOf(503), "the connection broke before the request was read (the node may be"
                    + " stopping); retrying with the same reservationId is safe");
        }
        if (cause instanceof HazelcastException || cause instanceof TimeoutException
                || cause instanceof IllegalStateException) {
            LOG.warn("cluster unavailable: {}", cause.toString());
            return Problem.of(503, Problem.errorOf(503), "the booking cluster could not answer in time ("
                    + cause.getClass().getSimpleName() + "); retrying with the same reservationId is safe");
        }
        LOG.error("unexpected failure", cause);
        return Problem.of(500, Problem.errorOf(500), "unexpected " + cause.getClass().getSimpleName());
    }

    /**
     * The HTTP parser's refusal of what the client sent, if that is what this failure is: a malformed chunk,
     * or a body that ended before its declared length (Jetty reports both as "Early EOF", code 400, and
     * cannot tell them apart). A connection broken on the node's side (a plain {@code EofException}, as
     * while the node stops) carries no such code and stays 503.
     */
    private static Optional<HttpException> malformedRequest(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return Optional.of(http);
            }
        }
        return Optional.empty();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
