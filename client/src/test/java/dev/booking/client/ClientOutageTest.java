package dev.booking.client;

import dev.booking.client.bench.FreePort;
import dev.booking.client.bench.LoopbackMember;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Decision;
import dev.booking.domain.EventAvailability;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java client against a real member on loopback that goes away and comes back. */
class ClientOutageTest {
    private static final EventId GIG = EventId.of("gig");
    private final String clusterName = "outage-" + UUID.randomUUID();
    private final int port = FreePort.find();
    private LoopbackMember member;
    private BookingClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (member != null) {
            member.close();
        }
    }

    @Test
    void connecting_where_no_member_answers_fails_after_the_wait_and_says_where_it_looked() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> BookingClient.connect(clusterName, List.of("127.0.0.1:" + port), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(clusterName).hasMessageContaining("127.0.0.1:" + port);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void a_client_cut_off_from_its_cluster_reconnects_when_a_member_is_back_and_retries_what_was_asked_meanwhile()
            throws Exception {
        member = LoopbackMember.start(clusterName, port);
        client = BookingClient.connect(clusterName, List.of(member.address()), Duration.ofSeconds(60));
        client.define(gig()).join();
        assertThat(reserve("r1").join()).isInstanceOf(Decision.Confirmed.class);

        member.close();
        member = null;
        CompletableFuture<Optional<EventAvailability>> askedMeanwhile = client.availability(GIG);
        TimeUnit.SECONDS.sleep(3);
        assertThat(askedMeanwhile).as("retried while no member answers").isNotDone();
        member = LoopbackMember.start(clusterName, port);

        // the only member was gone, and its data with it: the event is unknown until it is defined again
        assertThat(askedMeanwhile.get(60, TimeUnit.SECONDS)).isEmpty();
        client.define(gig()).join();
        assertThat(reserve("r2").get(60, TimeUnit.SECONDS)).isInstanceOf(Decision.Confirmed.class);
    }

    @Test
    void a_call_made_while_no_member_answers_fails_after_retry_for_and_the_client_stays_usable() throws Exception {
        member = LoopbackMember.start(clusterName, port);
        client = BookingClient.connect(clusterName, List.of(member.address()), Duration.ofSeconds(3));
        client.define(gig()).join();
        member.close();
        member = null;

        long started = System.nanoTime();
        assertThatThrownBy(() -> reserve("r1").get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not Hazelcast's 120 s").isLessThan(Duration.ofSeconds(30));

        member = LoopbackMember.start(clusterName, port);
        client.define(gig()).get(60, TimeUnit.SECONDS);
        assertThat(reserve("r1").get(60, TimeUnit.SECONDS)).isInstanceOf(Decision.Confirmed.class);
    }

    /** Hazelcast's cluster connect timeout would end the client after an outage that long, for good. */
    @Test
    void the_client_never_gives_up_on_its_cluster() {
        assertThat(BookingClient.config(clusterName, List.of()).getConnectionStrategyConfig().getConnectionRetryConfig()
                .getClusterConnectTimeoutMillis()).isEqualTo(BookingClient.NEVER_GIVE_UP);
    }

    private CompletableFuture<Decision> reserve(String id) {
        return client.reserve(new ReservationRequest(GIG, ReservationId.of(id), CategoryId.of("floor"),
                CustomerId.of("gil"), 1));
    }

    private static EventDefinition gig() {
        return new EventDefinition(GIG, "Gig", null, List.of(new CategoryDefinition(CategoryId.of("floor"), 10)), 4);
    }
}
