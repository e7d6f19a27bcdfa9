package dev.booking.client.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes on the command line are refused before anything touches a cluster. */
class UsageTest {

    @Test
    void an_unknown_workload_is_a_usage_error() {
        BenchOutput output = BenchOutput.of("cold-event");

        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.stderr()).contains("'cold-event' is not a workload");
    }

    @Test
    void a_replay_ratio_of_one_is_a_usage_error() {
        BenchOutput output = BenchOutput.of("hot-event", "--replay-ratio", "1");

        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.stderr()).contains("--replay-ratio");
    }

    @Test
    void help_names_every_workload() {
        BenchOutput output = BenchOutput.of("--help");

        assertThat(output.exitCode()).isZero();
        assertThat(output.stdout()).contains("hot-event", "many-events", "sellout-curve", "--path");
    }
}
