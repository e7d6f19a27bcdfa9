package dev.booking.pipelines;

import dev.booking.engine.BoxOffice;
import dev.booking.testing.BookingCluster;

import java.util.List;

/** The members the query side's tests run on: the engine's test cluster, with the views' serializers. */
final class QuerySide {
    private QuerySide() {
    }

    static BookingCluster cluster(int size) {
        return BookingCluster.of(size, config -> {
            ViewSerialization.register(config.getSerializationConfig());
            return config;
        });
    }

    /** What every node does: watch the customers view for buckets lost with a crashed member. */
    static List<LostViewRecovery> recoverLostViews(BookingCluster cluster) {
        return cluster.members().stream()
                .map(member -> LostViewRecovery.watch(member, new Reconciliation(member, new BoxOffice(member))))
                .toList();
    }
}
