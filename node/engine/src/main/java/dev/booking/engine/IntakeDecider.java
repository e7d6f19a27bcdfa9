package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import dev.booking.domain.Decision;
import dev.booking.domain.ReservationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides the requests of the asynchronous intake, on every member, for the intake entries that member
 * owns: partition-local processing, so different events and members decide in parallel.
 *
 * <p>An accepted request is decided at once (a local listener sees it arrive), through the group commit
 * of the {@link BoxOffice}. Its intake entry is removed only after the decision is recorded, so a crash
 * in between leaves it to be decided again, which the ledger turns into a replay. A sweep over the local
 * intake entries picks up what no listener saw: entries whose owner crashed (their backups became local
 * here), and decisions that failed. So no request stays PENDING while a member owns it.
 */
public final class IntakeDecider implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeDecider.class);

    private final IMap<String, ReservationRequest> intake;
    private final BoxOffice boxOffice;
    private final Set<String> deciding = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;
    private final UUID listener;

    public IntakeDecider(HazelcastInstance member, BoxOffice boxOffice, Duration sweepEvery) {
        this.intake = member.getMap(Intake.INTAKE_MAP);
        this.boxOffice = boxOffice;
        this.listener = intake.addLocalEntryListener(
                (EntryAddedListener<String, ReservationRequest>) added -> decide(added.getKey(), added.getValue()));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "booking-intake-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            for (String key : intake.localKeySet()) {
                ReservationRequest request = intake.get(key);
                if (request != null) {
                    decide(key, request);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("intake sweep interrupted: {}", e.toString());
        }
    }

    private void decide(String key, ReservationRequest request) {
        if (!deciding.add(key)) {
            return;
        }
        boxOffice.decideAccepted(request).whenComplete((decision, failure) -> {
            if (failure != null) {
                deciding.remove(key);
                LOG.debug("intake request {} not decided yet ({}); the sweep tries again", key, failure.toString());
                return;
            }
            if (decision instanceof Decision.Pending) {
                // the event no longer allows it, and a member of an earlier build could not read its
                // rejection: it stays accepted, and the sweep decides it once every member can
                deciding.remove(key);
                LOG.debug("intake request {} waits for every member to read its rejection (EVENT_CHANGED)", key);
                return;
            }
            if (decision instanceof Decision.Refused refused) {
                LOG.warn("intake request {} refused after acceptance: {}", key, refused.detail()); // its event is gone
            }
            Futures.plain(intake.deleteAsync(key)).whenComplete((ignored, e) -> deciding.remove(key));
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        try {
            intake.removeEntryListener(listener);
        } catch (RuntimeException ignored) {
            // the member is already gone
        }
    }
}
