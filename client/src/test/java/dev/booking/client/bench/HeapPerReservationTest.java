package dev.booking.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A small sell-out through the memory tool: it sells every seat and reports a figure. No size asserted. */
class HeapPerReservationTest {
    @Test
    void a_small_sell_out_is_measured_and_reported_as_a_json_line() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int exitCode = HeapPerReservation.run(new String[] {"5000", "4"}, new PrintStream(bytes, true));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(printed).isZero();
        JsonNode json = new ObjectMapper().readTree(
                printed.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        assertThat(json.get("seatsSold").asLong()).isEqualTo(5000);
        assertThat(json.get("confirmed").asLong()).isPositive();
        assertThat(json.get("bytesPerConfirmed").isNumber()).isTrue();
    }
}
