package com.waymark.teams.enrolment;

import java.util.List;

import com.waymark.programme.GroupInfo;
import com.waymark.programme.Programme;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.PlainText;
import com.waymark.teams.ProgrammeCards;

/** Choosing who in a team or group chat joins the coach's programme, and into which group. */
final class PickPeopleCard {

    private PickPeopleCard() {
    }

    static AdaptiveCard pickPeople(Programme programme, List<AdaptiveCard.Choice> roster, List<GroupInfo> groups) {
        List<AdaptiveCard.Choice> groupChoices = new java.util.ArrayList<>();
        groupChoices.add(new AdaptiveCard.Choice("(no group)", ProgrammeCards.KEEP));
        groups.forEach(g -> groupChoices.add(new AdaptiveCard.Choice(g.name(), Long.toString(g.id()))));
        return AdaptiveCard.create().heading("Add people to " + PlainText.of(programme.getName()))
                .subtle("Each person gets a private welcome from me with the privacy notice. Until they agree, "
                        + "I keep only what it takes to reach them: their name and Teams ids, their chat with me, and "
                        + "this programme and group.")
                .pick("participantIds", "People from this chat", roster, null, true, true)
                .pick("groupId", "Group", groupChoices, ProgrammeCards.KEEP, false, false)
                .submit("Add them", TeamEnrolmentSlice.ENROL_SELECTED);
    }

}
