package dev.booking.node;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.pipelines.QueryViews;
import dev.booking.pipelines.ViewJobs;
import dev.booking.testing.BrokenPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A running node submits a failed view job again by itself, and the views move on. */
class FailedViewJobTest {
    private static final EventId MATINEE = EventId.of("matinee");
    private HazelcastInstance member;

    @AfterEach
    void stop() {
        if (member != null) {
            member.shutdown();
        }
    }

    @Test
    void a_node_submits_its_failed_view_job_again_and_the_views_catch_up() {
        member = Hazelcast.newHazelcastInstance(BookingNode.prepare(EmbeddingTest.applicationConfig()));
        try (BookingNode node = BookingNode.builder().onMember(member).withHttp(false).start()) {
            node.boxOffice().define(new EventDefinition(MATINEE, "Matinee", null,
                    List.of(new CategoryDefinition(CategoryId.of("stalls"), 10)))).join();
            // the view job fails (here: replaced by a job under its name that breaks on its first item)
            await().atMost(Duration.ofSeconds(30)).until(() -> ViewJobs.isRunning(member));
            ViewJobs.stop(member);
            Job broken = ViewJobs.start(member, BrokenPipeline.failingOnFirstItem());
            await().atMost(Duration.ofSeconds(20)).until(broken::getStatus, status -> status == JobStatus.FAILED);

            node.boxOffice().reserve(new ReservationRequest(MATINEE, ReservationId.of("r1"), CategoryId.of("stalls"),
                    CustomerId.of("ann"), 3)).join();

            QueryViews views = new QueryViews(member);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(ViewJobs.isRunning(member)).as("view job running").isTrue();
                assertThat(views.event(MATINEE)).hasValueSatisfying(view ->
                        assertThat(view.availability().categories().get(0).confirmed()).isEqualTo(3));
                assertThat(views.repairOwed()).as("repair owed").isFalse();
            });
        }
    }
}
