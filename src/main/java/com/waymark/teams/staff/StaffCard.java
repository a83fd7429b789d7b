package com.waymark.teams.staff;

import java.util.List;
import java.util.Map;

import com.waymark.programme.Programme;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.CardIds;
import com.waymark.teams.PlainText;
import com.waymark.teams.ProgrammeCards;

/** A programme's coaching team: who is on it, appointing from its members, and invitations for those who aren't. */
final class StaffCard {

    private StaffCard() {
    }

    /** What the coaches card says about invitations; {@code StaffInvitationTest} holds each clause to the code. */
    static final String INVITATION_TERMS = "Someone who doesn't take part can join the coaching team by invitation: "
            + "choose a button below and I'll give you a code for them. They send it to me in their own 1:1 chat with "
            + "Waymark within 7 days. It works once, for whoever sends it first, and only for someone in this "
            + "programme's organisation (the same Microsoft Teams tenant). Staff who don't take part get no check-ins, "
            + "are never paired and are never counted in the programme's figures.";

    /**
     * {@code choices}: the people an admin may appoint or change, each with its card id ({@link CardIds});
     * {@code programmeToken}: the programme's card id, for an invitation.
     */
    static AdaptiveCard coaches(Programme programme, List<String> coaches, List<String> admins,
                                List<AdaptiveCard.Choice> choices, String programmeToken) {
        AdaptiveCard card = AdaptiveCard.create().heading("Coaching team of " + PlainText.of(programme.getName()))
                .facts(Map.of("Admins", ProgrammeCards.orDash(ProgrammeCards.plainList(admins)), "Coaches", ProgrammeCards.orDash(ProgrammeCards.plainList(coaches))))
                .subtle("Coaches see confidential team-level summaries of this programme. Admins can also change "
                        + "the coaching team. Below, you can choose people who take part in this programme.");
        if (choices.isEmpty()) {
            card.text("Nobody who takes part in this programme is left to choose from.");
        } else {
            card.pick("participantId", "Person", choices, null, true, false)
                    .pick("staffRole", "Make them", List.of(new AdaptiveCard.Choice("Coach", "COACH"),
                            new AdaptiveCard.Choice("Admin", "ADMIN"),
                            new AdaptiveCard.Choice("Not part of the coaching team", "NONE")), "COACH", true, false)
                    .submit("Save", StaffSlice.SET_STAFF);
        }
        return card.text(INVITATION_TERMS)
                .submitAlone("Invite a coach", StaffSlice.INVITE_STAFF,
                        Map.of("programmeId", programmeToken, "staffRole", "COACH"))
                .submitAlone("Invite an admin", StaffSlice.INVITE_STAFF,
                        Map.of("programmeId", programmeToken, "staffRole", "ADMIN"));
    }

}
