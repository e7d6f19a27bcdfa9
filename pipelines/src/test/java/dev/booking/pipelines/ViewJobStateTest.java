package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What {@link QueryViews#viewJob()} tells the metrics page: the job's state, or that Jet did not say in time. */
class ViewJobStateTest {
    private final BookingCluster cluster = QuerySide.cluster(1);
    private final HazelcastInstance member = cluster.member(0);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch jetAnswers = new CountDownLatch(1);

    @AfterEach
    void shutdown() {
        jetAnswers.countDown();
        threads.shutdownNow();
        if (member.getLifecycleService().isRunning()) {
            ViewJobs.stop(member);
        }
        cluster.close();
    }

    @Test
    void the_view_job_reads_running_while_it_runs_and_not_running_once_stopped() {
        QueryViews views = new QueryViews(member);
        ViewJobs.start(member);
        await().atMost(Duration.ofSeconds(30)).until(views::viewJob, state -> state == ViewJobState.RUNNING);

        ViewJobs.stop(member);

        // each read asks Jet and waits 2 s at most: a loaded machine may need another read
        await().atMost(Duration.ofSeconds(30)).until(views::viewJob, state -> state == ViewJobState.NOT_RUNNING);
    }

    @Test
    void a_jet_that_does_not_answer_reads_unanswered_after_the_wait_however_often_it_is_asked() {
        Duration wait = Duration.ofMillis(100);
        AtomicInteger callsMade = new AtomicInteger();
        QueryViews views = new QueryViews(member, new JetCalls(task -> threads.execute(() -> {
            callsMade.incrementAndGet();
            awaitQuietly(jetAnswers);
            task.run();
        }), wait));

        for (int scrape = 0; scrape < 3 * JetCalls.MOST_UNANSWERED; scrape++) {
            assertThat(views.viewJob()).isEqualTo(ViewJobState.UNANSWERED);
        }

        // the calls run on pool threads that a loaded machine may start late; none after the first ones
        await("the first scrapes ask and wait, the later ones are not even asked")
                .during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                .until(() -> callsMade.get() == JetCalls.MOST_UNANSWERED);
    }

    @Test
    void a_jet_call_that_fails_reads_unanswered_rather_than_failing_the_page() {
        QueryViews views = new QueryViews(member);

        member.shutdown();

        assertThat(views.viewJob()).isEqualTo(ViewJobState.UNANSWERED);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
