package dev.booking.pipelines;

/**
 * The rule the per-event views share: of two states of an event, the one at the higher sequence is the
 * newer; at the same sequence the state is the same, and the earlier publication is kept (a republished
 * change carries a later {@code atMillis} but says nothing new). Commutative, associative and idempotent,
 * so the order and the number of deliveries do not matter.
 */
final class Sequenced {
    private Sequenced() {
    }

    static boolean firstIsNewer(long sequence, long asOfMillis, long otherSequence, long otherAsOfMillis) {
        if (sequence != otherSequence) {
            return sequence > otherSequence;
        }
        return asOfMillis <= otherAsOfMillis;
    }
}
