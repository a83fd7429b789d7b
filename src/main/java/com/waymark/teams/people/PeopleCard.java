package com.waymark.teams.people;

import java.util.List;

import com.waymark.programme.EnrolmentService.Member;
import com.waymark.programme.GroupInfo;
import com.waymark.programme.Programme;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.PlainText;
import com.waymark.teams.ProgrammeCards;

/** The people of a programme, as their coach records them, and the form to describe one. */
final class PeopleCard {

    private PeopleCard() {
    }

    static AdaptiveCard people(Programme programme, List<Member> members, List<GroupInfo> groups) {
        AdaptiveCard card = AdaptiveCard.create().heading("People in " + PlainText.of(programme.getName()));
        if (members.isEmpty()) {
            return card.text("Nobody has joined yet. Share the join code " + programme.getJoinCode()
                    + ", or add me to your team and say \"enrol\" there.");
        }
        members.forEach(m -> {
            String recorded = ProgrammeCards.recorded(m.membership(), m.groupName());
            card.text(PlainText.of(name(m)) + (recorded.isEmpty() ? "" : " – " + recorded));
        });
        List<AdaptiveCard.Choice> people = members.stream()
                .map(m -> new AdaptiveCard.Choice(name(m), m.participant().getId().toString())).toList();
        List<AdaptiveCard.Choice> groupChoices = new java.util.ArrayList<>();
        groupChoices.add(new AdaptiveCard.Choice("(keep as it is)", ProgrammeCards.KEEP));
        groups.forEach(g -> groupChoices.add(new AdaptiveCard.Choice(g.name(), Long.toString(g.id()))));
        List<AdaptiveCard.Choice> managers = new java.util.ArrayList<>();
        managers.add(new AdaptiveCard.Choice("(keep as it is)", ProgrammeCards.KEEP));
        managers.addAll(people);
        return card.emphasis("Describe someone")
                .subtle("Each person sees what you record here (\"my details\") and can correct their role and "
                        + "organisation. You can describe someone once they have agreed to the privacy notice: until "
                        + "then Waymark keeps only what it needs to reach them.")
                .pick("participantId", "Person", people, null, true, false)
                .field("role", "Role", null, "e.g. Chair, Chief executive, Clinical director, PCN lead", 120, false)
                .field("organisation", "Organisation", null, "e.g. Riverside Hospitals NHS FT", 200, false)
                .pick("groupId", "Group", groupChoices, ProgrammeCards.KEEP, false, false)
                .pick("lineManagerId", "Line manager (used to avoid pairing them)", managers, ProgrammeCards.KEEP, false, false)
                .submit("Save", PeopleSlice.DESCRIBE_MEMBER);
    }

    private static String name(Member member) {
        return member.participant().getDisplayName() == null ? "(name not known yet)"
                : member.participant().getDisplayName();
    }

}
