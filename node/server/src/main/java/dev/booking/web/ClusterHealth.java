package dev.booking.web;

import com.hazelcast.core.HazelcastInstance;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Live: the process answers. Ready: the member is running, has joined, the cluster is safe (every
 * partition has its backups) and the node is not draining for shutdown.
 */
public final class ClusterHealth {
    private final HazelcastInstance member;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    public ClusterHealth(HazelcastInstance member) {
        this.member = member;
    }

    /** From now on the node reports not ready, so that load balancers stop sending it requests. */
    public void drain() {
        draining.set(true);
    }

    public boolean running() {
        return member.getLifecycleService().isRunning();
    }

    public int members() {
        return running() ? member.getCluster().getMembers().size() : 0;
    }

    public boolean clusterSafe() {
        return running() && member.getPartitionService().isClusterSafe();
    }

    public boolean ready() {
        return !draining.get() && clusterSafe();
    }

    public boolean draining() {
        return draining.get();
    }

    /**
     * The node that serves these routes has stopped: routes mounted on an application's own Javalin app,
     * which outlive it, answer 503 from now on (health excepted).
     */
    public void close() {
        drain();
        closed.set(true);
    }

    public boolean closed() {
        return closed.get();
    }
}
