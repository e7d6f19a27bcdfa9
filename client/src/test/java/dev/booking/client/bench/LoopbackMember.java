package dev.booking.client.bench;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.booking.engine.BookingConfig;

import java.util.UUID;

/** One real booking member in the test JVM, on loopback only, in a cluster of its own. */
final class LoopbackMember implements AutoCloseable {
    private final HazelcastInstance member;
    private final String clusterName;
    private final int port;

    private LoopbackMember(HazelcastInstance member, String clusterName, int port) {
        this.member = member;
        this.clusterName = clusterName;
        this.port = port;
    }

    static LoopbackMember start() {
        String clusterName = "bench-test-" + UUID.randomUUID();
        int port = FreePort.find();
        Config config = BookingConfig.base();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false)
                .getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        return new LoopbackMember(Hazelcast.newHazelcastInstance(config), clusterName, port);
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    String clusterName() {
        return clusterName;
    }

    @Override
    public void close() {
        member.getLifecycleService().terminate();
    }
}
