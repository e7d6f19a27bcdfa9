package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.pipeline.ServiceFactories;
import com.hazelcast.jet.pipeline.ServiceFactory;
import com.hazelcast.map.IMap;
import dev.booking.domain.Change;
import dev.booking.engine.ChangeBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Measures, on each member, the lag of every change the view pipeline handles, and publishes the
 * member's histogram to {@value ViewMaps#LAG} about once a second (with a time to live, so a member that
 * is gone or a job stopped for long drops out). The counts are cumulative, like a Prometheus histogram:
 * a job restarted within the time to live goes on from the member's last published counts.
 *
 * <p><b>What is measured:</b> the wall-clock time from {@link Change#atMillis()} (stamped by the outbox of
 * the member that decided, with the moment it took the first change of its round, so the time a change
 * waits in the outbox is included) to the moment this member's pipeline hands the change's batch to the
 * events and figures views' sinks. Not included: the sinks' batched asynchronous entry processors that make the change
 * visible (one more partition round trip). Included: journal polling,
 * any backlog, and replays after a job restart (a replayed change is measured again, with its original
 * {@code atMillis}, so a restart shows as a spike). Clock skew between members adds to or subtracts
 * from every sample; a negative lag counts as 0.
 *
 * <p>One recorder per member and job execution ({@link ServiceFactories#sharedService}), shared by all
 * the pipeline's processors on the member: counting is lock-free.
 */
final class LagRecorder {
    static final long PUBLISH_EVERY_MILLIS = 1_000;
    static final long TIME_TO_LIVE_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(LagRecorder.class);

    private final AtomicLongArray counts = new AtomicLongArray(LagBuckets.COUNT);
    private final AtomicLong max = new AtomicLong();
    private final String member;
    private final IMap<String, LagSnapshot> published;
    private final ScheduledExecutorService publisher;

    private LagRecorder(HazelcastInstance hazelcast) {
        var address = hazelcast.getCluster().getLocalMember().getAddress();
        this.member = address.getHost() + ":" + address.getPort();
        this.published = hazelcast.getMap(ViewMaps.LAG);
        continueFrom(published.get(member));
        this.publisher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "booking-view-lag-" + member);
            thread.setDaemon(true);
            return thread;
        });
        publisher.scheduleWithFixedDelay(this::publish, PUBLISH_EVERY_MILLIS, PUBLISH_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** A restarted job goes on counting where this member's last execution left off, if it was lately. */
    private void continueFrom(LagSnapshot previous) {
        if (previous != null) {
            for (int i = 0; i < LagBuckets.COUNT; i++) {
                counts.set(i, previous.counts().get(i));
            }
            max.set(previous.maxMillis());
        }
    }

    static ServiceFactory<?, LagRecorder> service() {
        return ServiceFactories.sharedService(context -> new LagRecorder(context.hazelcastInstance()),
                LagRecorder::stop);
    }

    /** Records the lag of each change of the batch now and passes the batch on. */
    ChangeBatch recorded(ChangeBatch batch) {
        long now = System.currentTimeMillis();
        for (Change change : batch.changes()) {
            record(now - change.atMillis());
        }
        return batch;
    }

    void record(long lagMillis) {
        long lag = Math.max(0, lagMillis);
        counts.incrementAndGet(LagBuckets.indexOf(lag));
        max.accumulateAndGet(lag, Math::max);
    }

    LagSnapshot snapshot(long nowMillis) {
        List<Long> copy = new ArrayList<>(counts.length());
        for (int i = 0; i < counts.length(); i++) {
            copy.add(counts.get(i));
        }
        return new LagSnapshot(member, copy, max.get(), nowMillis);
    }

    private void publish() {
        try {
            published.setAsync(member, snapshot(System.currentTimeMillis()), TIME_TO_LIVE_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            // The member may be shutting down; the next round (or the next execution) publishes again.
            LOG.debug("lag of {} not published: {}", member, e.toString());
        }
    }

    private void stop() {
        publisher.shutdownNow();
        publish();
    }
}
