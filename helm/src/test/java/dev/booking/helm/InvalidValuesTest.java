package dev.booking.helm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values that would start a broken cluster fail at render time, before anything reaches Kubernetes. */
class InvalidValuesTest {

    private final BookingChart chart = BookingChart.inWorkingTree();

    @Test
    void an_unknown_discovery_mode_is_rejected() {
        assertThatThrownBy(() -> chart.render("""
                discovery:
                  mode: multicast
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("discovery");
    }

    @Test
    void more_backups_than_hazelcast_allows_are_rejected() {
        assertThatThrownBy(() -> chart.render("backupCount: 7"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backupCount");
    }

    @Test
    void zero_replicas_are_rejected() {
        assertThatThrownBy(() -> chart.render("replicaCount: 0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("replicaCount");
    }
}
