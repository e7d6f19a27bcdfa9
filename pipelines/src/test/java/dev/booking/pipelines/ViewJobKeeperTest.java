package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.map.IMap;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.Inventory;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.engine.BoxOffice;
import dev.booking.testing.BookingCluster;
import dev.booking.testing.BrokenPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The keeper submits a failed view job again, and once it runs, repairs the views for the time it was down. */
class ViewJobKeeperTest {
    static final EventId GIG = EventId.of("gig");
    static final long LOOK_MILLIS = 100;
    private final BookingCluster cluster = QuerySide.cluster(1);
    private final HazelcastInstance member = cluster.member(0);
    private final BoxOffice boxOffice = new BoxOffice(member);
    private final QueryViews views = new QueryViews(member);
    private final Reconciliation reconciliation = new Reconciliation(member, boxOffice);
    private ViewJobKeeper keeper;

    @BeforeEach
    void an_event_on_sale() {
        boxOffice.define(new EventDefinition(GIG, "Show", null,
                List.of(new CategoryDefinition(CategoryId.of("floor"), 100)), 6)).join();
    }

    @AfterEach
    void shutdown() {
        if (keeper != null) {
            keeper.close();
        }
        ViewJobs.stop(member);
        cluster.close();
    }

    @Test
    void a_failed_view_job_is_submitted_again_and_the_views_repaired_once_it_runs() {
        // given a view job that failed, and reservations decided while it was down, one of them absent from
        // the journal (as when the journal dropped it before a new job could read it)
        failedViewJob();
        reserve("r1", "customer-1", 2);
        reserveUnpublished("withheld", "customer-9", 3);
        assertThat(reconciliation.check().isClean()).isFalse();

        // when the keeper looks after the job
        keeper = ViewJobKeeper.keep(member, reconciliation::repair, ViewJobKeeperTest::viewPipeline, LOOK_MILLIS);

        // then the job runs again and the views hold everything decided, the unpublished reservation too
        awaitViewsInStep();
        assertThat(keeper.resubmissions()).isEqualTo(1);
        assertThat(keeper.repairs()).isEqualTo(1);
        assertThat(views.repairOwed()).isFalse();
        assertThat(views.customer(CustomerId.of("customer-9"))).isPresent();
    }

    @Test
    void a_replacement_that_fails_too_is_tried_again_and_the_repair_waits_until_one_runs() {
        // given a failed job, and a first replacement that fails too (as while an upgrade mixes builds)
        failedViewJob();
        reserveUnpublished("withheld", "customer-9", 3);
        AtomicInteger built = new AtomicInteger();
        Supplier<Pipeline> firstFails = () -> built.incrementAndGet() == 1 ? BrokenPipeline.failingOnFirstItem() : viewPipeline();

        keeper = ViewJobKeeper.keep(member, reconciliation::repair, firstFails, LOOK_MILLIS);

        awaitViewsInStep();
        assertThat(keeper.resubmissions()).as("submissions").isEqualTo(2);
        assertThat(keeper.repairs()).as("one repair, once a job ran").isEqualTo(1);
    }

    @Test
    void a_repair_owed_by_a_member_that_is_gone_is_made_by_the_one_that_looks_next() {
        // given a running job, and a repair noted as owed (by an oldest member that crashed before making it)
        ViewJobs.start(member);
        reserveUnpublished("withheld", "customer-9", 3);
        member.getMap(ViewMaps.HEALTH).put(ViewMaps.REPAIR_OWED, 1L);
        assertThat(views.repairOwed()).isTrue();

        keeper = ViewJobKeeper.keep(member, reconciliation::repair, ViewJobKeeperTest::viewPipeline, LOOK_MILLIS);

        awaitViewsInStep();
        assertThat(keeper.resubmissions()).isZero();
        assertThat(keeper.repairs()).isEqualTo(1);
    }

    @Test
    void a_job_cancelled_by_a_user_is_left_alone() {
        ViewJobs.start(member);
        ViewJobs.stop(member);

        keeper = ViewJobKeeper.keep(member, reconciliation::repair, ViewJobKeeperTest::viewPipeline, LOOK_MILLIS);
        await().atMost(Duration.ofSeconds(10)).until(() -> keeper.looks() >= 5);

        Job job = ViewJobs.job(member).orElseThrow();
        assertThat(job.isUserCancelled()).isTrue();
        assertThat(ViewJobs.isRunning(member)).isFalse();
        assertThat(keeper.resubmissions()).isZero();
        assertThat(keeper.repairs()).isZero();
        assertThat(views.repairOwed()).isFalse();
    }

    @Test
    void a_keeper_whose_looks_jet_does_not_answer_goes_on_looking_and_heals_the_job_once_jet_answers() {
        // given a failed view job, and Jet answering none of the keeper's calls for now
        failedViewJob();
        reserveUnpublished("withheld", "customer-9", 3);
        ExecutorService threads = Executors.newCachedThreadPool();
        CountDownLatch jetAnswers = new CountDownLatch(1);
        AtomicInteger callsMade = new AtomicInteger();
        JetCalls unansweredForNow = new JetCalls(task -> threads.execute(() -> {
            callsMade.incrementAndGet();
            awaitQuietly(jetAnswers);
            task.run();
        }), Duration.ofMillis(500));
        try {
            // when the keeper looks after the job
            keeper = ViewJobKeeper.keep(member, reconciliation::repair, ViewJobKeeperTest::viewPipeline, LOOK_MILLIS,
                    unansweredForNow);

            // then it goes on looking (more looks than calls it may leave unanswered), without asking Jet
            // more than that, and without acting on what it could not see
            await().atMost(Duration.ofSeconds(20)).until(() -> keeper.looks() > 2L * JetCalls.MOST_UNANSWERED);
            assertThat(callsMade).hasValue(JetCalls.MOST_UNANSWERED);
            assertThat(ViewJobs.job(member).orElseThrow().getStatus()).isEqualTo(JobStatus.FAILED);

            // and once Jet answers again, the failed job is replaced and the views repaired
            jetAnswers.countDown();
            awaitViewsInStep();
            assertThat(views.customer(CustomerId.of("customer-9"))).isPresent();
        } finally {
            jetAnswers.countDown();
            threads.shutdown();
        }
    }

    @Test
    void a_job_never_submitted_because_a_starting_node_got_no_answer_is_submitted_and_the_note_cleared() {
        // given no view job, and the note a node leaves when it starts without Jet's answer
        health().set(ViewMaps.SUBMISSION_UNANSWERED, 1L);

        // when the keeper looks after the job
        keeper = ViewJobKeeper.keep(member, reconciliation::repair, ViewJobKeeperTest::viewPipeline, LOOK_MILLIS);

        // then it submits the job, once, and clears the note
        await().atMost(Duration.ofSeconds(30)).until(() -> ViewJobs.isRunning(member));
        await().atMost(Duration.ofSeconds(10)).until(() -> !health().containsKey(ViewMaps.SUBMISSION_UNANSWERED));
        assertThat(keeper.submissions()).isEqualTo(1);
    }

    @Test
    void a_job_cancelled_by_a_user_stays_cancelled_though_a_starting_node_noted_an_unanswered_submission() {
        ViewJobs.start(member);
        ViewJobs.stop(member);
        health().set(ViewMaps.SUBMISSION_UNANSWERED, 1L);

        keeper = ViewJobKeeper.keep(member, reconciliation::repair, ViewJobKeeperTest::viewPipeline, LOOK_MILLIS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !health().containsKey(ViewMaps.SUBMISSION_UNANSWERED));
        assertThat(ViewJobs.job(member).orElseThrow().isUserCancelled()).isTrue();
        assertThat(keeper.submissions()).isZero();
        assertThat(keeper.resubmissions()).isZero();
    }

    @Test
    void a_note_of_an_unanswered_submission_is_cleared_once_a_job_exists() {
        ViewJobs.start(member, viewPipeline());
        health().set(ViewMaps.SUBMISSION_UNANSWERED, 1L);

        keeper = ViewJobKeeper.keep(member, reconciliation::repair, ViewJobKeeperTest::viewPipeline, LOOK_MILLIS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !health().containsKey(ViewMaps.SUBMISSION_UNANSWERED));
        assertThat(keeper.submissions()).isZero();
    }

    @Test
    void a_job_never_submitted_is_left_to_the_nodes_that_start() {
        keeper = ViewJobKeeper.keep(member, reconciliation::repair, ViewJobKeeperTest::viewPipeline, LOOK_MILLIS);
        await().atMost(Duration.ofSeconds(10)).until(() -> keeper.looks() >= 5);

        assertThat(ViewJobs.job(member)).isEmpty();
        assertThat(keeper.resubmissions()).isZero();
    }

    @Test
    void a_repair_that_fails_is_tried_again_until_it_is_made() {
        failedViewJob();
        reserveUnpublished("withheld", "customer-9", 3);
        AtomicInteger attempts = new AtomicInteger();
        IntSupplier failsOnce = () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the ledger could not be read");
            }
            return reconciliation.repair();
        };

        keeper = ViewJobKeeper.keep(member, failsOnce, ViewJobKeeperTest::viewPipeline, LOOK_MILLIS);

        awaitViewsInStep();
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(keeper.repairs()).isEqualTo(1);
    }

    @Test
    void a_node_that_starts_and_replaces_a_failed_job_notes_the_repair_the_views_owe() {
        failedViewJob();

        ViewJobs.start(member);

        assertThat(views.repairOwed()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> ViewJobs.isRunning(member));
    }

    @Test
    void only_the_oldest_member_looks_after_the_job() {
        BookingCluster two = QuerySide.cluster(2);
        try {
            HazelcastInstance oldest = two.member(0);
            HazelcastInstance youngest = two.member(1);
            Job failing = ViewJobs.start(oldest, BrokenPipeline.failingOnFirstItem());
            await().atMost(Duration.ofSeconds(20)).until(failing::getStatus, status -> status == JobStatus.FAILED);
            ViewJobKeeper younger = ViewJobKeeper.keep(youngest, () -> 0, ViewJobKeeperTest::viewPipeline, LOOK_MILLIS);
            ViewJobKeeper older = ViewJobKeeper.keep(oldest, () -> 0, ViewJobKeeperTest::viewPipeline, LOOK_MILLIS);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> older.repairs() == 1);

                assertThat(older.resubmissions()).isEqualTo(1);
                assertThat(younger.looks()).isZero();
                assertThat(younger.resubmissions()).isZero();
            } finally {
                younger.close();
                older.close();
                ViewJobs.stop(oldest);
            }
        } finally {
            two.close();
        }
    }

    private void failedViewJob() {
        Job failing = ViewJobs.start(member, BrokenPipeline.failingOnFirstItem());
        await().atMost(Duration.ofSeconds(20)).until(failing::getStatus, status -> status == JobStatus.FAILED);
    }

    private static Pipeline viewPipeline() {
        return ViewPipeline.build(ViewPipeline.journal());
    }

    private IMap<String, Object> health() {
        return member.getMap(ViewMaps.HEALTH);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reserve(String id, String customer, int seats) {
        boxOffice.reserve(request(id, customer, seats)).join();
    }

    /** A reservation decided on a copy of the inventory written straight back: its change is never published. */
    private void reserveUnpublished(String id, String customer, int seats) {
        IMap<String, Inventory> inventory = member.getMap(BoxOffice.INVENTORY_MAP);
        Inventory gig = inventory.get(GIG.value());
        gig.reserve(request(id, customer, seats));
        inventory.set(GIG.value(), gig);
    }

    private void awaitViewsInStep() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ViewJobs.isRunning(member)).as("view job running").isTrue();
            DriftReport drift = reconciliation.check();
            assertThat(drift.isClean()).as("%s", drift).isTrue();
            assertThat(views.repairOwed()).as("repair owed").isFalse();
        });
    }

    private static ReservationRequest request(String id, String customer, int seats) {
        return new ReservationRequest(GIG, ReservationId.of(id), CategoryId.of("floor"), CustomerId.of(customer), seats);
    }
}
