package dev.booking.pipelines;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixed-bucket lag histogram: where samples fall, percentiles, and merging the members. */
class LagTest {

    @Test
    void a_lag_falls_in_the_first_bucket_whose_upper_bound_holds_it() {
        assertThat(LagBuckets.indexOf(-5)).isZero();
        assertThat(LagBuckets.indexOf(0)).isZero();
        assertThat(LagBuckets.UPPER_BOUNDS[LagBuckets.indexOf(7)]).isEqualTo(8);
        assertThat(LagBuckets.UPPER_BOUNDS[LagBuckets.indexOf(8)]).isEqualTo(8);
        assertThat(LagBuckets.indexOf(3_600_000)).isEqualTo(LagBuckets.COUNT - 1);
    }

    @Test
    void percentiles_over_all_members_come_from_the_summed_buckets() {
        // given 98 fast changes on one member and 2 slow ones on another
        LagSnapshot fast = snapshot("a:5701", 98, 7, 8);
        LagSnapshot slow = snapshot("b:5701", 2, 1_100, 1_100);

        Lag lag = Lag.of(List.of(slow, fast));

        assertThat(lag.count()).isEqualTo(100);
        assertThat(lag.p50Millis()).isEqualTo(8);
        assertThat(lag.p99Millis()).isEqualTo(1_100);
        assertThat(lag.maxMillis()).isEqualTo(1_100);
        assertThat(lag.members()).containsExactly("a:5701", "b:5701");
        assertThat(lag.buckets()).hasSize(LagBuckets.COUNT);
        assertThat(lag.buckets().get(LagBuckets.COUNT - 1).upToMillis()).isEqualTo(-1);
    }

    @Test
    void no_member_means_no_sample_and_zero_percentiles() {
        assertThat(Lag.NONE.count()).isZero();
        assertThat(Lag.NONE.p99Millis()).isZero();
    }

    private static LagSnapshot snapshot(String member, long samples, long lagMillis, long max) {
        List<Long> counts = new ArrayList<>(Collections.nCopies(LagBuckets.COUNT, 0L));
        counts.set(LagBuckets.indexOf(lagMillis), samples);
        return new LagSnapshot(member, counts, max, 0);
    }
}
