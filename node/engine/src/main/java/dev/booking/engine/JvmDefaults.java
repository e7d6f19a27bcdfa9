package dev.booking.engine;

/**
 * JVM settings a booking process needs, applied at the very start of a {@code main} (before anything
 * touches the common fork/join pool), unless the command line set them already.
 *
 * <p>On a machine with two cores the JDK sizes the common pool to one thread, and then Hazelcast runs
 * every continuation it hands to that pool in a brand-new thread: thousands of threads a second under
 * load, which cost more than the work itself. Two threads or more restore a real pool. Applications that
 * embed the engine should start their JVM with {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=4}
 * on such machines (what {@link #apply} sets).
 */
public final class JvmDefaults {
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private JvmDefaults() {
    }

    public static void apply() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "4");
        }
    }
}
