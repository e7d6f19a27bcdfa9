package dev.booking.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Turns Hazelcast's futures into plain JDK futures completed on the thread that receives the response.
 *
 * <p>Why: a stage chained on a Hazelcast future without an executor runs on the JDK's common pool, and
 * where the machine has two cores that pool has one thread, so the JDK starts a new thread for every
 * such stage. On the hot path that cost more than the decision itself. Every continuation in this
 * engine is short and never blocks, so running it where the response arrives is both cheapest and safe;
 * callers that block or compute in a continuation should chain it with an executor of their own.
 */
public final class Futures {
    private static final Executor ON_RESPONSE_THREAD = Runnable::run;

    private Futures() {
    }

    public static <T> CompletableFuture<T> plain(CompletionStage<T> hazelcastFuture) {
        CompletableFuture<T> plain = new CompletableFuture<>();
        hazelcastFuture.whenCompleteAsync((value, failure) -> {
            if (failure != null) {
                plain.completeExceptionally(failure);
            } else {
                plain.complete(value);
            }
        }, ON_RESPONSE_THREAD);
        return plain;
    }
}
