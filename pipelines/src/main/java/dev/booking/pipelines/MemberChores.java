package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the query side's background chores on a member share ({@link LostViewRecovery}, {@link ViewJobKeeper},
 * {@link ViewJobSubmission}, {@link JetCalls}):
 * threads of their own that stop when the member starts shutting down, and the rule of which member acts.
 */
final class MemberChores {
    private MemberChores() {
    }

    /** One daemon thread named {@code name-<member>}, shut down when the member starts shutting down. */
    static ScheduledExecutorService scheduler(HazelcastInstance member, String name) {
        return stoppedWith(member, Executors.newSingleThreadScheduledExecutor(task -> daemon(task, name, member)));
    }

    /** Daemon threads named {@code name-<member>}, made as needed and shut down when the member starts shutting down. */
    static ExecutorService threads(HazelcastInstance member, String name) {
        return stoppedWith(member, Executors.newCachedThreadPool(task -> daemon(task, name, member)));
    }

    private static Thread daemon(Runnable task, String name, HazelcastInstance member) {
        Thread thread = new Thread(task, name + "-" + member.getName());
        thread.setDaemon(true);
        return thread;
    }

    private static <E extends ExecutorService> E stoppedWith(HazelcastInstance member, E executor) {
        member.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.SHUTTING_DOWN) {
                executor.shutdownNow();
            }
        });
        return executor;
    }

    /** Whether this member is the oldest: one member acts, and the others agree which without talking. */
    static boolean isOldest(HazelcastInstance member) {
        return member.getCluster().getMembers().iterator().next().localMember();
    }
}
