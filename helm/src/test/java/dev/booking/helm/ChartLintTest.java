package dev.booking.helm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartLintTest {

    @Test
    void the_chart_passes_strict_lint() {
        // given the chart in the working tree
        var chart = BookingChart.inWorkingTree();

        // when Helm lints it, warnings counting as failures
        var result = chart.lint();

        // then nothing worse than an INFO is reported
        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }
}
