package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the bucketed views are laid out: how many customer buckets ({@link CustomerBucket#COUNT}) and event
 * buckets ({@link EventViewBucket#COUNT}) a build writes and reads. A member of a build with other
 * counts would look for a customer's list or an event's value in another bucket than the one it is in,
 * and find nothing or the wrong thing, without any error. So the layout the views hold is noted in
 * {@value ViewMaps#HEALTH} (key {@value ViewMaps#LAYOUT}, as text, so that any build can read it): a
 * starting node notes its own when none is noted, a rebuild notes the rebuilding node's, and
 * {@link QueryViews#layoutDiffers()} tells {@code /metrics} when the views hold another layout than this
 * node's build uses (the cure: a rebuild once every member runs the same build).
 *
 * <p>Clusters whose views were built before this note existed get the first starting node's layout
 * noted, right or not: for them the note is only as good as that node.
 */
public record ViewLayout(int customerBuckets, int eventBuckets) {
    /** The layout of this build. */
    public static final ViewLayout THIS_BUILD = new ViewLayout(CustomerBucket.COUNT, EventViewBucket.COUNT);
    private static final Pattern TEXT = Pattern.compile("customer-buckets=(\\d+),event-buckets=(\\d+)");
    private static final Duration NOTE_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(ViewLayout.class);

    /** The layout as it is noted: {@code customer-buckets=67,event-buckets=67}. */
    public String asText() {
        return "customer-buckets=" + customerBuckets + ",event-buckets=" + eventBuckets;
    }

    /** The layout a note says, or empty if it is not a layout this build can read. */
    static Optional<ViewLayout> parse(Object noted) {
        if (!(noted instanceof String text)) {
            return Optional.empty();
        }
        Matcher matcher = TEXT.matcher(text);
        return matcher.matches()
                ? Optional.of(new ViewLayout(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    /** Whether a note says this build's layout. */
    static boolean isThisBuilds(Object noted) {
        return parse(noted).equals(Optional.of(THIS_BUILD));
    }

    /**
     * Notes this build's layout if none is noted, and logs an error if another one is. Each step waits
     * at most {@code 2 s}, and a failure only logs: for a node's start, which must not hang or fail on it.
     * (Read, then written: two nodes of different builds starting at the same moment may both note theirs,
     * the last one staying; {@link QueryViews#layoutDiffers()} then tells the other.)
     */
    public static void noteOrWarn(HazelcastInstance member) {
        IMap<String, Object> health = member.getMap(ViewMaps.HEALTH);
        Object noted;
        try {
            noted = health.getAsync(ViewMaps.LAYOUT).toCompletableFuture().get(NOTE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (noted == null) {
                health.setAsync(ViewMaps.LAYOUT, THIS_BUILD.asText()).toCompletableFuture()
                        .get(NOTE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("the views' layout was not noted ({}); /metrics says nothing about it until a rebuild", e.toString());
            return;
        }
        if (noted != null && !isThisBuilds(noted)) {
            LOG.error("the views hold another layout ({}) than this build uses ({}): this node reads customer "
                    + "lists and event pages from the wrong buckets until the views are rebuilt "
                    + "(POST /admin/views/rebuild, once every member runs the same build)", noted, THIS_BUILD.asText());
        }
    }

    /** Notes this build's layout, whatever was noted: what a rebuild does, since it lays every bucket out anew. */
    static void note(HazelcastInstance hazelcast) {
        hazelcast.getMap(ViewMaps.HEALTH).set(ViewMaps.LAYOUT, THIS_BUILD.asText());
    }
}
