package com.waymark.demo;

import java.time.ZoneId;
import java.util.List;

import com.waymark.programme.TeamsIdentity;

/**
 * The demo as the Teams edge needs to know it, when the {@code demo} profile runs (there is no such bean otherwise):
 * who coaches it, what it holds, and which of its leaders the Microsoft 365 Agents Playground can reach.
 *
 * @param coach            the Playground's default user, who coaches the demo programme
 * @param zone             the programme's time zone
 * @param leaders          how many leaders take part
 * @param organisationCount how many organisations they come from
 * @param threshold        the programme's threshold: every figure a coach sees combines at least this many people
 * @param groups           the programme's groups, each with at least its threshold of people
 * @param weeks            weeks of check-ins and action plans behind them
 * @param peerCoachingRounds the peer-coaching rounds already run in the seeded history
 * @param playgroundPeople the leaders who are the Playground's own users: its connector delivers messages to them,
 *                         so the edge opens their 1:1 chats; the other leaders are made up and have no chat
 */
public record DemoGuide(String programme, TeamsIdentity coach, ZoneId zone, int leaders, int organisationCount,
                        int threshold, List<String> groups, int weeks, int peerCoachingRounds, List<TeamsIdentity> playgroundPeople) {

    public DemoGuide {
        groups = List.copyOf(groups);
        playgroundPeople = List.copyOf(playgroundPeople);
    }

    /** Whether this is the demo's coach, as Teams identifies them (tenant and identity key). */
    public boolean isCoach(TeamsIdentity identity) {
        return identity != null && coach.tenantOrBlank().equals(identity.tenantOrBlank())
                && coach.identityKey().equals(identity.identityKey());
    }
}
