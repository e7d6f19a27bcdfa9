package dev.booking.engine;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;

/**
 * What a member of this build can read that members of earlier builds cannot, announced as member
 * attributes ({@link BookingConfig#prepare} sets them). During a rolling upgrade the builds mix, and
 * something only the newer one can read (a new value of an enum written by its position, a new type id)
 * must wait until every member can read it.
 */
public final class MemberCapabilities {
    /**
     * The member reads a rejection for {@code EVENT_CHANGED} and the processor that records one
     * ({@link DecideAccepted}).
     */
    public static final String REJECTS_ACCEPTED_WHEN_EVENT_CHANGED = "booking.rejects-accepted-when-event-changed";

    private MemberCapabilities() {
    }

    static void announce(Config config) {
        config.getMemberAttributeConfig().setAttribute(REJECTS_ACCEPTED_WHEN_EVENT_CHANGED, "true");
    }

    /** Whether every member of the cluster, as this member or client sees it now, has the capability. */
    static boolean everyMemberHas(HazelcastInstance hazelcast, String capability) {
        return hazelcast.getCluster().getMembers().stream().allMatch(member -> "true".equals(member.getAttribute(capability)));
    }
}
