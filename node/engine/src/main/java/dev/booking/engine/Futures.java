package dev.booking.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

/**
 * Turns Hazelcast's futures into plain JDK futures whose continuations run on a real thread pool.
 *
 * <p>Why: a stage chained on a Hazelcast future without an executor runs on the JDK's common pool, and
 * where the machine has two cores that pool has a single thread, so the JDK starts a brand-new thread
 * for every such stage; under load that cost more than the decisions themselves. Running continuations
 * on the thread that receives the response is no way out: on a member that thread may be a partition
 * thread, which must not start further cluster calls. So continuations go to the common pool when it is
 * a real pool (see {@link JvmDefaults}), else to a small pool of this engine's own.
 */
public final class Futures {
    private static final Executor CONTINUATIONS = ForkJoinPool.getCommonPoolParallelism() > 1
            ? ForkJoinPool.commonPool()
            : Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "booking-continuations");
                thread.setDaemon(true);
                return thread;
            });

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
        }, CONTINUATIONS);
        return plain;
    }
}
