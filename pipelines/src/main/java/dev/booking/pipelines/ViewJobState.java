package dev.booking.pipelines;

/** What Jet says of the view job ({@link QueryViews#viewJob()}). */
public enum ViewJobState {
    /** The job runs: the views follow the decisions. */
    RUNNING,
    /**
     * The job does not run: it failed, was cancelled or suspended, was never submitted, or is starting
     * or restarting (after a member left). The views stand still meanwhile.
     */
    NOT_RUNNING,
    /** Jet did not answer within the wait, or failed to (see {@link JetCalls}): whether the views move is not known. */
    UNANSWERED
}
