package com.waymark.insight;

import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.waymark.privacy.ConfidentialityPolicy;

/**
 * Who and when a coach's report is about: a programme (or one of its groups), its people, the period and the
 * programme's own confidentiality policy. Resolved once per read, after the coach's role has been checked.
 *
 * @param groupName null for the whole programme
 * @param cohort    the participant ids whose data may be counted: active members (of the group), never the
 *                  programme's staff nor the reader ({@link ConfidentialityPolicy#contributors})
 * @param groupOf   every active member of the programme who may be counted, and their group id ({@link #NO_GROUP} for none): a
 *                  group's figures must not be recoverable as the programme's minus the other groups'
 * @param since     how the period was chosen, in words ("since the last session on 3 Nov")
 */
record InsightScope(long programmeId, String programmeName, Long groupId, String groupName, ZoneId zone,
                           InsightPeriod period, String since, Set<Long> cohort, Map<Long, Long> groupOf,
                           ConfidentialityPolicy policy) {

    public static final long NO_GROUP = -1;

    public InsightScope {
        cohort = Set.copyOf(cohort);
        groupOf = Map.copyOf(groupOf);
    }

    /**
     * Whether a figure over these people (of the whole programme) may be shown for this scope. The programme
     * is a total whose parts are its groups, so a group's figure is decided by the policy's breakdown over all
     * groups: with one small group hidden, the next smallest is hidden too, and so on.
     */
    public boolean releasable(Collection<Long> contributors) {
        if (groupId == null) {
            return policy.cell("programme", Set.copyOf(contributors)).shown();
        }
        Map<String, Integer> parts = new LinkedHashMap<>();
        groupOf.values().stream().distinct().sorted().forEach(g -> parts.put(Long.toString(g), 0));
        Set.copyOf(contributors).forEach(id -> {
            Long group = groupOf.get(id);
            if (group != null) {
                parts.merge(Long.toString(group), 1, Integer::sum);
            }
        });
        return policy.breakdown("programme", parts).part(Long.toString(groupId)).shown();
    }

    /** A measure of this scope for the release ledger: what it is and whose, "wellbeing|group 7". */
    public String measure(String what) {
        return what + "|" + (groupId == null ? "programme" : "group " + groupId);
    }

    /** "North Ridge" or "North Ridge, group Blue". */
    public String title() {
        return groupName == null ? programmeName : programmeName + ", group " + groupName;
    }
}
