package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the query side's background chores on a member share ({@link LostViewRecovery}, {@link ViewJobKeeper}):
 * a thread of their own that stops when the member starts shutting down, and the rule of which member acts.
 */
final class MemberChores {
    private MemberChores() {
    }

    /** One daemon thread named {@code name-<member>}, shut down when the member starts shutting down. */
    static ScheduledExecutorService scheduler(HazelcastInstance member, String name) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-" + member.getName());
            thread.setDaemon(true);
            return thread;
        });
        member.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.SHUTTING_DOWN) {
                scheduler.shutdownNow();
            }
        });
        return scheduler;
    }

    /** Whether this member is the oldest: one member acts, and the others agree which without talking. */
    static boolean isOldest(HazelcastInstance member) {
        return member.getCluster().getMembers().iterator().next().localMember();
    }
}
