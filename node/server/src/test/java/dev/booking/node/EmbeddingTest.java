package dev.booking.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Decision;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.pipelines.ViewLayout;
import dev.booking.pipelines.ViewMaps;
import dev.booking.web.BookingApi;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A plain Java application embeds the engine in the member it already has, beside its own maps. */
class EmbeddingTest {
    private HazelcastInstance member;
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (member != null) {
            member.shutdown();
        }
    }

    @Test
    void an_application_runs_the_engine_on_its_own_member_and_mounts_the_routes_on_its_own_javalin() throws Exception {
        Config config = applicationConfig();
        config.addMapConfig(new MapConfig("shop.orders").setBackupCount(1));
        member = Hazelcast.newHazelcastInstance(BookingNode.prepare(config));
        member.getMap("shop.orders").put("o-1", "two tickets and a programme");
        assertThat(member.getConfig().getMapConfig("booking.view.customers").getInMemoryFormat())
                .as("the views' settings come with the engine").isEqualTo(InMemoryFormat.OBJECT);
        assertThat(member.getConfig().getMapConfig("shop.orders").getBackupCount()).isEqualTo(1);

        try (BookingNode booking = BookingNode.builder().onMember(member).withHttp(false).start()) {
            booking.boxOffice().define(new EventDefinition(EventId.of("matinee"), "Matinee", null,
                    List.of(new CategoryDefinition(CategoryId.of("stalls"), 2)))).join();
            Decision decision = booking.boxOffice().reserve(new ReservationRequest(EventId.of("matinee"),
                    ReservationId.of("o-1"), CategoryId.of("stalls"), CustomerId.of("ann"), 2)).join();
            assertThat(decision).isInstanceOf(Decision.Confirmed.class);
            assertThat(booking.httpPort()).isEqualTo(-1);
            assertThat(member.getMap(ViewMaps.HEALTH).get(ViewMaps.LAYOUT)).as("the start noted the views' layout")
                    .isEqualTo(ViewLayout.THIS_BUILD.asText());

            app = Javalin.create(web -> {
                web.routes.get("/shop/orders/{id}", ctx -> ctx.result(
                        String.valueOf(member.getMap("shop.orders").get(ctx.pathParam("id")))));
                BookingApi.mount(web.routes, booking.api());
            }).start("127.0.0.1", 0);

            assertThat(get("/shop/orders/o-1").body()).isEqualTo("two tickets and a programme");
            var reservation = get("/events/matinee/reservations/o-1");
            assertThat(reservation.statusCode()).isEqualTo(200);
            assertThat(reservation.body()).contains("\"status\":\"CONFIRMED\"");
        }

        assertThat(member.getLifecycleService().isRunning()).as("the application's member keeps running").isTrue();
        assertThat(member.getMap("shop.orders").get("o-1")).isEqualTo("two tickets and a programme");
    }

    @Test
    void a_closed_node_refuses_commands_and_its_mounted_routes_answer_503_while_the_application_goes_on() throws Exception {
        member = Hazelcast.newHazelcastInstance(BookingNode.prepare(applicationConfig()));
        BookingNode booking = BookingNode.builder().onMember(member).withHttp(false).start();
        var boxOffice = booking.boxOffice();
        var intake = booking.intake();
        boxOffice.define(new EventDefinition(EventId.of("matinee"), "Matinee", null,
                List.of(new CategoryDefinition(CategoryId.of("stalls"), 3)))).join();
        app = Javalin.create(web -> {
            web.routes.get("/shop/open", ctx -> ctx.result("open"));
            BookingApi.mount(web.routes, booking.api());
        }).start("127.0.0.1", 0);
        assertThat(get("/events/matinee/reservations/o-1").statusCode()).isEqualTo(404);

        booking.close();

        assertThatThrownBy(booking::boxOffice).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(booking::intake).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        var refused = get("/events/matinee/reservations/o-1");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("\"error\":\"unavailable\"").contains("closed");
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/shop/open").body()).as("the application's own route").isEqualTo("open");
        // a box office taken before is a view of the member's maps: a reservation is still decided
        assertThat(boxOffice.reserve(new ReservationRequest(EventId.of("matinee"), ReservationId.of("o-2"),
                CategoryId.of("stalls"), CustomerId.of("bo"), 1)).join()).isInstanceOf(Decision.Confirmed.class);
        // and what the intake accepts on the member's partitions is still decided: that is the member's duty
        assertThat(intake.accept(new ReservationRequest(EventId.of("matinee"), ReservationId.of("o-3"),
                CategoryId.of("stalls"), CustomerId.of("cy"), 1)).join()).isInstanceOf(Decision.Pending.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(boxOffice.reservation(
                EventId.of("matinee"), ReservationId.of("o-3")).join()).isPresent());
        booking.close(); // twice: nothing more happens
        assertThat(member.getLifecycleService().isRunning()).isTrue();
    }

    @Test
    void one_node_runs_on_a_member_at_a_time() {
        member = Hazelcast.newHazelcastInstance(BookingNode.prepare(applicationConfig()));
        BookingNode first = BookingNode.builder().onMember(member).withHttp(false).start();

        assertThatThrownBy(() -> BookingNode.builder().onMember(member).withHttp(false).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already runs on this member");

        first.close();
        try (BookingNode second = BookingNode.builder().onMember(member).withHttp(false).start()) {
            assertThat(second.boxOffice()).isNotNull();
        }
    }

    @Test
    void a_member_started_without_the_engines_configuration_is_refused_with_a_clear_message() {
        member = Hazelcast.newHazelcastInstance(applicationConfig());

        assertThatThrownBy(() -> BookingNode.builder().onMember(member).withHttp(false).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BookingNode.prepare");
    }

    @Test
    void a_start_that_fails_on_the_applications_member_leaves_nothing_of_the_engine_running() throws Exception {
        member = Hazelcast.newHazelcastInstance(BookingNode.prepare(applicationConfig()));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NodeSettings onATakenPort = NodeSettings.fromEnvironment(Map.of("BOOKING_HTTP_HOST", "127.0.0.1",
                    "BOOKING_HTTP_PORT", String.valueOf(taken.getLocalPort())), new String[0]);

            assertThatThrownBy(() -> BookingNode.builder().onMember(member).settings(onATakenPort).start())
                    .isInstanceOf(RuntimeException.class);
        }

        assertThat(member.getLifecycleService().isRunning()).as("the application's member keeps running").isTrue();
        String name = member.getName();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .noneMatch(thread -> thread.equals("booking-view-job-keeper-" + name)
                        || thread.equals("booking-view-recovery-" + name)
                        || thread.equals("booking-view-job-submission-" + name)));
    }

    /** A member of its own cluster on loopback, as an application would configure it, without the engine's settings. */
    static Config applicationConfig() {
        Config config = new Config();
        config.setClusterName("shop-" + UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getNetworkConfig().setPort(NodeProcesses.freePort()).setPortAutoIncrement(false)
                .getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        return config;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
