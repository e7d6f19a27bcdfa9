package dev.booking.client.bench;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.booking.engine.BookingConfig;

import java.util.UUID;

/** One real booking member in the test JVM, on loopback only, in a cluster of its own. */
public final class LoopbackMember implements AutoCloseable {
    private final HazelcastInstance member;
    private final String clusterName;
    private final int port;

    private LoopbackMember(HazelcastInstance member, String clusterName, int port) {
        this.member = member;
        this.clusterName = clusterName;
        this.port = port;
    }

    static LoopbackMember start() {
        return start("bench-test-" + UUID.randomUUID(), FreePort.find());
    }

    /** A member of this cluster on this port (say, one started again where another stopped). */
    public static LoopbackMember start(String clusterName, int port) {
        Config config = BookingConfig.base();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false)
                .getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        return new LoopbackMember(Hazelcast.newHazelcastInstance(config), clusterName, port);
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    String clusterName() {
        return clusterName;
    }

    /** Stops at once, as a crash would (no graceful leave). */
    @Override
    public void close() {
        member.getLifecycleService().terminate();
    }
}
