package dev.booking.testing;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.HazelcastTestSupport;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import dev.booking.engine.BookingConfig;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Several booking members in one JVM on Hazelcast's mock network. Wraps Hazelcast's test support
 * (not a stable API) so that tests speak of members, not factories. Close it after each test.
 */
public final class BookingCluster implements AutoCloseable {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final String clusterName = "test-" + UUID.randomUUID();
    private final UnaryOperator<Config> customize;

    private BookingCluster(UnaryOperator<Config> customize) {
        this.customize = customize;
    }

    public static BookingCluster of(int size) {
        return of(size, UnaryOperator.identity());
    }

    /** @param customize adds what a module's tests need to each member's configuration (e.g. serializers) */
    public static BookingCluster of(int size, UnaryOperator<Config> customize) {
        BookingCluster cluster = new BookingCluster(customize);
        for (int i = 0; i < size; i++) {
            cluster.addMember();
        }
        cluster.awaitSafe();
        return cluster;
    }

    public HazelcastInstance addMember() {
        HazelcastInstance member = factory.newHazelcastInstance(config());
        members.add(member);
        return member;
    }

    public Config config() {
        Config config = BookingConfig.base();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.partition.count", "71");
        return customize.apply(config);
    }

    public HazelcastInstance member(int index) {
        return members.get(index);
    }

    public List<HazelcastInstance> members() {
        return List.copyOf(members);
    }

    /** The member that owns the partition of this key right now. */
    public HazelcastInstance ownerOf(String key) {
        var owner = members.get(0).getPartitionService().getPartition(key).getOwner();
        return members.stream()
                .filter(m -> m.getLifecycleService().isRunning())
                .filter(m -> m.getCluster().getLocalMember().equals(owner))
                .findFirst().orElseThrow();
    }

    /** Kills a member without letting it hand over its partitions, as a crash would. */
    public void crash(HazelcastInstance member) {
        member.getLifecycleService().terminate();
    }

    /**
     * Waits until every running member sees the same members and the same partition owners, with its
     * replicas in sync and no migration under way or planned. Hazelcast assigns partitions lazily, on
     * the first partition operation; a backup that reaches a member before that member has learnt the
     * partition table is not acknowledged, and the write fails ("backup acks missed"). So the table is
     * assigned here first ({@code warmUpPartitions}), and {@code isClusterSafe()} alone is not enough: it
     * can pass before the master has planned the migrations for the last member to join.
     */
    public void awaitSafe() {
        List<HazelcastInstance> running = members.stream().filter(m -> m.getLifecycleService().isRunning()).toList();
        HazelcastTestSupport.warmUpPartitions(running);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> running.stream().allMatch(m -> m.getCluster().getMembers().size() == running.size())
                        && running.stream().map(BookingCluster::owners).distinct().count() == 1
                        && HazelcastTestSupport.isAllInSafeState(running));
    }

    private static List<UUID> owners(HazelcastInstance member) {
        return member.getPartitionService().getPartitions().stream()
                .map(p -> p.getOwner() == null ? null : p.getOwner().getUuid()).toList();
    }

    @Override
    public void close() {
        factory.terminateAll();
    }
}
