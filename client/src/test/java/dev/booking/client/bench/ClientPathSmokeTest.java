package dev.booking.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A few-second run of each kind through the Java client, so that CI keeps the tool working. No timing. */
class ClientPathSmokeTest {
    private static LoopbackMember member;

    @BeforeAll
    static void startMember() {
        member = LoopbackMember.start();
    }

    @AfterAll
    static void stopMember() {
        member.close();
    }

    @Test
    void a_short_hot_event_run_passes_its_checks_and_ends_with_a_json_line() {
        BenchOutput output = BenchOutput.of("hot-event", "--path", "client", "--members", member.address(),
                "--cluster-name", member.clusterName(), "--capacity", "20000", "--threads", "8", "--duration", "3",
                "--warmup", "1");

        assertThat(output.exitCode()).as(output.toString()).isZero();
        JsonNode json = output.json();
        assertThat(json.get("workload").asText()).isEqualTo("hot-event");
        // the warm-up sold seats of a sale of its own: the checks read back only the measured one
        assertThat(json.get("parameters").get("warmupSeconds").asInt()).isEqualTo(1);
        assertThat(output.stderr()).contains("warming up");
        assertThat(json.get("path").asText()).isEqualTo("client");
        assertThat(json.get("parameters").get("capacity").asLong()).isEqualTo(20_000);
        assertThat(json.get("figures").get("requests").asLong()).isPositive();
        assertThat(json.get("checks")).hasSize(5).allSatisfy(check -> assertThat(check.get("passed").asBoolean()).isTrue());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(output.stdout()).contains("decisions/s", "PASSED");
    }

    @Test
    void a_many_events_run_that_sells_out_tells_its_buyers_exactly_the_seats_it_sold() {
        BenchOutput output = BenchOutput.of("many-events", "--path", "client", "--members", member.address(),
                "--cluster-name", member.clusterName(), "--events", "20", "--seats-per-event", "50",
                "--threads", "8", "--duration", "3");

        assertThat(output.exitCode()).as(output.toString()).isZero();
        JsonNode json = output.json();
        assertThat(json.get("parameters").get("events").asInt()).isEqualTo(20);
        assertThat(json.get("figures").get("confirmedSeats").asLong())
                .isEqualTo(json.get("readBack").get("confirmed").asLong())
                .isLessThanOrEqualTo(1_000);
        assertThat(json.get("passed").asBoolean()).isTrue();
    }
}
