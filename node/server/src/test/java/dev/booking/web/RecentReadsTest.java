package dev.booking.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecentReadsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger renders = new AtomicInteger();

    private String render(String body) {
        renders.incrementAndGet();
        return body;
    }

    @Test
    void an_answer_is_reused_within_its_keep_and_rendered_again_after_it() {
        RecentReads recent = new RecentReads(Duration.ofMillis(100), now::get);

        assertThat(recent.answer("gig", () -> render("v1"))).isEqualTo("v1");
        now.addAndGet(Duration.ofMillis(99).toNanos());
        assertThat(recent.answer("gig", () -> render("v2"))).isEqualTo("v1");
        assertThat(renders).hasValue(1);

        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(recent.answer("gig", () -> render("v2"))).isEqualTo("v2");
        assertThat(recent.answer("other", () -> render("o1"))).isEqualTo("o1");
        assertThat(renders).hasValue(3);
    }

    @Test
    void not_found_is_never_kept_and_a_keep_of_zero_renders_every_time() {
        RecentReads recent = new RecentReads(Duration.ofMillis(100), now::get);
        assertThat(recent.answer("new", () -> render(null))).isNull();
        assertThat(recent.answer("new", () -> render("defined"))).isEqualTo("defined");

        RecentReads never = new RecentReads(Duration.ZERO, now::get);
        never.answer("gig", () -> render("a"));
        assertThat(never.answer("gig", () -> render("b"))).isEqualTo("b");
        assertThat(renders).hasValue(4);
        assertThatIllegalArgumentException().isThrownBy(() -> new RecentReads(Duration.ofMillis(-1)));
    }
}
