package dev.booking.testing;

import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.test.TestSources;

/** A stand-in for a view job that breaks: tests submit it under the view job's name to see it healed. */
public final class BrokenPipeline {
    private BrokenPipeline() {
    }

    /** A streaming pipeline that fails on its first item. */
    public static Pipeline failingOnFirstItem() {
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(TestSources.itemStream(10)).withoutTimestamps()
                .map(item -> {
                    throw new IllegalStateException("the view job broke");
                })
                .writeTo(Sinks.noop());
        return pipeline;
    }
}
