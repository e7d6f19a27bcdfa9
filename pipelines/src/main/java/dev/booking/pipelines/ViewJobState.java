package dev.booking.pipelines;

/** What Jet says of the view job ({@link QueryViews#viewJob()}). */
public enum ViewJobState {
    /** The job runs: the views follow the decisions. */
    RUNNING,
    /** The job does not run (failed, cancelled, suspended or never submitted): the views stand still. */
    STOPPED,
    /** Jet did not answer within the wait (see {@link JetCalls}): whether the views move is not known. */
    UNANSWERED
}
