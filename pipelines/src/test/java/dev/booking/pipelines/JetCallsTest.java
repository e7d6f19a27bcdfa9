package dev.booking.pipelines;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A call Jet never answers costs its caller the wait and at most a few threads, however often it is made. */
class JetCallsTest {
    private static final Duration WAIT = Duration.ofMillis(100);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final JetCalls jet = new JetCalls(threads, WAIT);
    /** For calls that are answered: a wait no pause of a busy machine reaches. */
    private final JetCalls patient = new JetCalls(threads, Duration.ofSeconds(30));
    private final CountDownLatch coordinatorLetsGo = new CountDownLatch(1);
    private final AtomicInteger callsMade = new AtomicInteger();

    @AfterEach
    void shutdown() {
        coordinatorLetsGo.countDown();
        threads.shutdownNow();
    }

    @Test
    void an_answered_call_gives_its_answer() {
        assertThat(patient.ask(() -> "running")).contains("running");
    }

    @Test
    void a_call_never_answered_costs_the_caller_the_wait_and_no_more() {
        long started = System.nanoTime();

        assertThat(jet.ask(this::neverAnswered)).isEmpty();

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        // the bug this catches is a wait without end; a loaded machine may add seconds
        assertThat(waited).isBetween(WAIT, WAIT.multipliedBy(100));
    }

    @Test
    void at_most_a_few_unanswered_calls_hold_threads_however_often_the_caller_asks() {
        for (int scrape = 0; scrape < 10; scrape++) {
            assertThat(jet.ask(this::neverAnswered)).isEmpty();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(callsMade).hasValue(JetCalls.MOST_UNANSWERED));
        assertThat(jet.unanswered()).isEqualTo(JetCalls.MOST_UNANSWERED);
    }

    @Test
    void once_the_held_calls_are_answered_none_counts_as_waiting_and_the_next_call_is_answered() {
        for (int scrape = 0; scrape < 3 * JetCalls.MOST_UNANSWERED; scrape++) {
            jet.ask(this::neverAnswered);
        }

        coordinatorLetsGo.countDown();

        await().atMost(Duration.ofSeconds(10)).until(jet::unanswered, waiting -> waiting == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> jet.ask(() -> "running").isPresent());
    }

    @Test
    void an_answered_call_no_longer_counts_as_waiting_when_its_caller_hears_of_it() {
        for (int call = 0; call < 100; call++) {
            assertThat(patient.ask(() -> "running")).contains("running");
            assertThat(patient.unanswered()).isZero();
        }
    }

    @Test
    void a_caller_interrupted_while_it_waits_is_told_so_and_keeps_its_flag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> jet.ask(this::neverAnswered)).isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void a_call_that_fails_within_the_wait_throws_what_it_threw() {
        assertThatThrownBy(() -> patient.ask(() -> {
            throw new IllegalStateException("no master yet");
        })).isInstanceOf(IllegalStateException.class).hasMessage("no master yet");
    }

    @Test
    void a_call_that_cannot_be_started_is_refused_and_does_not_count_as_waiting() {
        threads.shutdown();

        assertThatThrownBy(() -> jet.ask(() -> "running")).isInstanceOf(RejectedExecutionException.class);
        assertThat(jet.unanswered()).isZero();
    }

    private String neverAnswered() throws InterruptedException {
        callsMade.incrementAndGet();
        coordinatorLetsGo.await();
        return "late";
    }
}
