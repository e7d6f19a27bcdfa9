package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.pipeline.Pipeline;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A starting node waits for the view job's submission only as long as it chooses; a submission that has
 * no answer by then, or fails after that, goes on in the background until the job is in.
 */
class ViewJobSubmissionTest {
    private static final long RETRY_MILLIS = 50;
    private final BookingCluster cluster = QuerySide.cluster(1);
    private final HazelcastInstance member = cluster.member(0);
    private ViewJobSubmission submission;

    @AfterEach
    void shutdown() {
        if (submission != null) {
            submission.close();
        }
        ViewJobs.stop(member);
        cluster.close();
    }

    @Test
    void a_submission_answered_within_the_wait_is_in_when_the_wait_returns() {
        submission = ViewJobSubmission.begin(member, ViewJobSubmissionTest::viewPipeline, RETRY_MILLIS);

        assertThat(submission.awaitSubmitted(Duration.ofSeconds(30))).isTrue();
        assertThat(submission.submitted()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> ViewJobs.isRunning(member));
    }

    @Test
    void a_submission_without_an_answer_lets_the_node_go_on_and_completes_in_the_background() throws Exception {
        // given a submission that hangs (as one to a coordinator that drops it does)
        CountDownLatch answer = new CountDownLatch(1);
        submission = ViewJobSubmission.begin(member, () -> {
            waitFor(answer);
            return viewPipeline();
        }, RETRY_MILLIS);

        // then the node's wait ends without it
        assertThat(submission.awaitSubmitted(Duration.ofMillis(200))).isFalse();
        assertThat(submission.submitted()).isFalse();
        assertThat(ViewJobs.job(member)).isEmpty();

        // and once it is answered, the job is in
        answer.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> submission.submitted() && ViewJobs.isRunning(member));
    }

    @Test
    void a_first_attempt_that_fails_within_the_wait_fails_the_wait() {
        submission = ViewJobSubmission.begin(member, () -> {
            throw new IllegalStateException("this build cannot build its view job");
        }, RETRY_MILLIS);

        assertThatThrownBy(() -> submission.awaitSubmitted(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot build its view job");
    }

    @Test
    void attempts_that_fail_after_the_wait_are_tried_again_until_one_succeeds() {
        // given a submission whose first two attempts fail after the node stopped waiting
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch nodeWentOn = new CountDownLatch(1);
        submission = ViewJobSubmission.begin(member, () -> {
            waitFor(nodeWentOn);
            if (attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("no coordinator yet");
            }
            return viewPipeline();
        }, RETRY_MILLIS);
        assertThat(submission.awaitSubmitted(Duration.ofMillis(100))).isFalse();
        nodeWentOn.countDown();

        // then the third attempt puts the job in
        await().atMost(Duration.ofSeconds(30)).until(() -> submission.submitted() && ViewJobs.isRunning(member));
        assertThat(attempts).hasValue(3);
    }

    @Test
    void a_closed_submission_stops_trying() throws Exception {
        // given a submission that keeps failing
        AtomicInteger attempts = new AtomicInteger();
        submission = ViewJobSubmission.begin(member, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("no coordinator yet");
        }, RETRY_MILLIS);
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() >= 2);

        // when it is closed (a node whose start failed)
        submission.close();
        int atClose = attempts.get();
        Thread.sleep(RETRY_MILLIS * 8);

        // then it made no further attempt, and no job was submitted
        assertThat(attempts.get()).isLessThanOrEqualTo(atClose + 1);
        assertThat(ViewJobs.job(member)).isEmpty();
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
