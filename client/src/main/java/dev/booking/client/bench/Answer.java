package dev.booking.client.bench;

/**
 * What a buyer was told, reduced to what the checks need: the verdict and whether the engine
 * recognised the request as a replay. {@code problem} says why a request was not decided.
 */
record Answer(Verdict verdict, boolean replay, String problem) {
    static final Answer CONFIRMED = new Answer(Verdict.CONFIRMED, false, null);
    static final Answer CONFIRMED_AGAIN = new Answer(Verdict.CONFIRMED, true, null);
    static final Answer REJECTED = new Answer(Verdict.REJECTED, false, null);
    static final Answer REJECTED_AGAIN = new Answer(Verdict.REJECTED, true, null);

    enum Verdict {
        CONFIRMED, REJECTED,
        /** No decision came back: a conflict, a refusal, an HTTP error or a broken connection. */
        UNDECIDED
    }

    static Answer confirmed(boolean replay) {
        return replay ? CONFIRMED_AGAIN : CONFIRMED;
    }

    static Answer rejected(boolean replay) {
        return replay ? REJECTED_AGAIN : REJECTED;
    }

    static Answer undecided(String problem) {
        return new Answer(Verdict.UNDECIDED, false, problem);
    }
}
