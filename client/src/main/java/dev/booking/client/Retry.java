package dev.booking.client;

import com.hazelcast.client.HazelcastClientOfflineException;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.nio.serialization.HazelcastSerializationException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends a command again, unchanged, while the cluster fails in a way that leaves its outcome unknown.
 * Safe only because every command is idempotent by its ids. Backs off from 50 ms to 1 s.
 */
final class Retry implements AutoCloseable {
    private final long deadlineNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "booking-client-retry");
        thread.setDaemon(true);
        return thread;
    });

    Retry(Duration retryFor) {
        this.deadlineNanos = retryFor.toNanos();
    }

    <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> command) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        attempt(command, answer, System.nanoTime() + deadlineNanos, 50);
        return answer;
    }

    private <T> void attempt(Supplier<CompletableFuture<T>> command, CompletableFuture<T> answer, long deadline,
                             long backoffMillis) {
        CompletableFuture<T> call;
        try {
            call = command.get();
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((value, failure) -> {
            if (failure == null) {
                answer.complete(value);
            } else if (isTransient(failure) && System.nanoTime() + backoffMillis * 1_000_000 < deadline
                    && !timer.isShutdown()) {
                try {
                    timer.schedule(() -> attempt(command, answer, deadline, Math.min(backoffMillis * 2, 1000)),
                            backoffMillis, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closedMeanwhile) {
                    answer.completeExceptionally(unwrap(failure));
                }
            } else {
                answer.completeExceptionally(unwrap(failure));
            }
        });
    }

    static boolean isTransient(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof HazelcastClientOfflineException // cut off from the cluster, reconnecting
                || cause instanceof HazelcastException
                && !(cause instanceof HazelcastSerializationException)
                && !(cause instanceof HazelcastInstanceNotActiveException);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Stops retrying. Retries waiting for their turn are attempted once more at once, so that each answer
     * completes: after the client has shut down, they fail.
     */
    @Override
    public void close() {
        timer.shutdownNow().forEach(Runnable::run);
    }
}
