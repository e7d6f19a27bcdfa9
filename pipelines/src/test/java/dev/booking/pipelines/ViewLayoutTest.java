package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import dev.booking.engine.BoxOffice;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The note of how the views are laid out in buckets, and what a node of another layout is told. */
class ViewLayoutTest {
    private final BookingCluster cluster = QuerySide.cluster(1);
    private final HazelcastInstance member = cluster.member(0);
    private final QueryViews views = new QueryViews(member);

    @AfterEach
    void shutdown() {
        cluster.close();
    }

    @Test
    void a_starting_node_notes_its_layout_when_none_is_noted() {
        assertThat(views.layoutDiffers()).as("nothing noted yet").isFalse();

        ViewLayout.noteOrWarn(member);

        assertThat(noted()).isEqualTo("customer-buckets=" + CustomerBucket.COUNT + ",event-buckets=" + EventViewBucket.COUNT);
        assertThat(views.layoutDiffers()).isFalse();
    }

    @Test
    void views_built_with_other_counts_are_told_until_a_rebuild_notes_this_builds_layout() {
        // given views noted as built by a build with 271 customer buckets
        member.getMap(ViewMaps.HEALTH).put(ViewMaps.LAYOUT, "customer-buckets=271,event-buckets=" + EventViewBucket.COUNT);

        // when a node of this build starts, it keeps the note and is told it differs
        ViewLayout.noteOrWarn(member);
        assertThat(noted()).isEqualTo("customer-buckets=271,event-buckets=" + EventViewBucket.COUNT);
        assertThat(views.layoutDiffers()).isTrue();

        // then a rebuild lays the views out this build's way, and notes it
        new Reconciliation(member, new BoxOffice(member)).rebuild();
        assertThat(views.layoutDiffers()).isFalse();
        assertThat(ViewLayout.parse(noted())).contains(ViewLayout.THIS_BUILD);
    }

    @Test
    void a_note_this_build_cannot_read_counts_as_another_layout() {
        member.getMap(ViewMaps.HEALTH).put(ViewMaps.LAYOUT, "buckets: many");

        assertThat(views.layoutDiffers()).isTrue();
        assertThat(ViewLayout.parse("buckets: many")).isEmpty();
        assertThat(ViewLayout.parse(42L)).isEmpty();
        assertThat(ViewLayout.parse("customer-buckets=67,event-buckets=31")).isEqualTo(Optional.of(new ViewLayout(67, 31)));
    }

    private Object noted() {
        return member.getMap(ViewMaps.HEALTH).get(ViewMaps.LAYOUT);
    }
}
