package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.pipeline.Pipeline;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A starting node waits for the view job's submission only as long as it chooses; an answer that comes
 * later still puts the job in, and the submission's thread ends with the answer.
 */
class ViewJobSubmissionTest {
    private final BookingCluster cluster = QuerySide.cluster(1);
    private final HazelcastInstance member = cluster.member(0);
    private final CountDownLatch answer = new CountDownLatch(1);

    @AfterEach
    void shutdown() {
        answer.countDown();
        if (member.getLifecycleService().isRunning()) {
            ViewJobs.stop(member);
        }
        cluster.close();
    }

    @Test
    void a_submission_answered_within_the_wait_is_in_when_the_wait_returns() {
        ViewJobSubmission submission = ViewJobSubmission.begin(member, ViewJobSubmissionTest::viewPipeline);

        assertThat(submission.awaitSubmitted(Duration.ofSeconds(30))).isTrue();
        assertThat(submission.submitted()).isTrue();
        assertThat(member.getMap(ViewMaps.HEALTH).containsKey(ViewMaps.SUBMISSION_UNANSWERED)).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> ViewJobs.isRunning(member));
        awaitThreadEnded();
    }

    @Test
    void without_an_answer_the_wait_ends_and_a_later_answer_still_puts_the_job_in() {
        // given a submission that Jet does not answer for now (as a coordinator that dropped it)
        ViewJobSubmission submission = ViewJobSubmission.begin(member, () -> {
            waitFor(answer);
            return viewPipeline();
        });

        // then the node's wait ends without it, and notes so for the keeper
        assertThat(submission.awaitSubmitted(Duration.ofMillis(200))).isFalse();
        assertThat(submission.submitted()).isFalse();
        assertThat(ViewJobs.job(member)).isEmpty();
        assertThat(member.getMap(ViewMaps.HEALTH).containsKey(ViewMaps.SUBMISSION_UNANSWERED)).isTrue();

        // and once it is answered, the job is in and the thread is gone
        answer.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> submission.submitted() && ViewJobs.isRunning(member));
        awaitThreadEnded();
    }

    @Test
    void a_submission_that_fails_within_the_wait_fails_the_wait() {
        ViewJobSubmission submission = ViewJobSubmission.begin(member, () -> {
            throw new IllegalStateException("this build cannot build its view job");
        });

        assertThatThrownBy(() -> submission.awaitSubmitted(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot build its view job");
        assertThat(submission.submitted()).isFalse();
        awaitThreadEnded();
    }

    @Test
    void an_error_while_building_the_job_fails_the_wait_too_rather_than_leaving_it_unanswered() {
        ViewJobSubmission submission = ViewJobSubmission.begin(member, () -> {
            throw new ExceptionInInitializerError("a class of the pipeline failed to load");
        });

        assertThatThrownBy(() -> submission.awaitSubmitted(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasRootCauseInstanceOf(ExceptionInInitializerError.class);
    }

    @Test
    void a_submission_on_a_member_that_is_not_running_fails_at_once() {
        member.shutdown();

        assertThatThrownBy(() -> ViewJobSubmission.begin(member, ViewJobSubmissionTest::viewPipeline)
                .awaitSubmitted(Duration.ofSeconds(30))).isInstanceOf(RuntimeException.class);
    }

    private void awaitThreadEnded() {
        String name = "booking-view-job-submission-" + member.getName();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName).doesNotContain(name));
    }

    private static Pipeline viewPipeline() {
        return ViewPipeline.build(ViewPipeline.journal());
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
