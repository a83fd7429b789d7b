package com.waymark.teams.help;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.waymark.teams.actions.ActionsSlice;
import com.waymark.teams.checkin.CheckInSlice;
import com.waymark.teams.trend.TrendSlice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How help lays out the slices' lines: fitted to who asks, the main steps as buttons. */
class HelpCardTest {

    private static final List<String> PARTICIPANT = List.of("**check in** – a short check-in", "**my trend**");
    private static final List<String> COACH = List.of("**programme** – set-up", "**summary**");

    @Test
    void theMainActionsAreButtonsThatSendWhatTheTypedCommandsDo() {
        JsonNode actions = HelpCard.card(false, true, PARTICIPANT, COACH).toJson().path("actions");
        assertThat(actions.findValuesAsText("action")).containsExactly(CheckInSlice.START_CHECK_IN,
                ActionsSlice.SHOW_ACTIONS, TrendSlice.SHOW_TREND);
    }

    @Test
    void onlyCoachesSeeTheCoachesSectionAndOnlyNewcomersTheNotice() {
        String coach = HelpCard.card(true, true, PARTICIPANT, COACH).toJson().toString();
        assertThat(coach).contains("For coaches", "- **programme** – set-up\\n- **summary**")
                .contains("- **check in** – a short check-in\\n- **my trend**").doesNotContain("privacy notice");
        String newcomer = HelpCard.card(false, false, PARTICIPANT, COACH).toJson().toString();
        assertThat(newcomer).doesNotContain("For coaches", "**summary**").contains("privacy notice");
    }

    @Test
    void theTeamChatsHelpPutsItsLinesBetweenHowToBeHeardAndWhatStaysPrivate() {
        assertThat(HelpCard.teamChat(List.of("**enrol** – everyone", "**programme** – set-up")))
                .isEqualTo(HelpCard.TEAM_CHAT_OPENING + "\n- **enrol** – everyone\n- **programme** – set-up\n"
                        + HelpCard.TEAM_CHAT_CLOSING);
    }
}
