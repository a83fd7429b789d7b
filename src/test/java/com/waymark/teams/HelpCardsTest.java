package com.waymark.teams;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's command menu in Teams offers what a participant's help offers, and nothing a participant cannot use. */
class HelpCardsTest {

    @Test
    void everyCommandOfThePersonalMenuIsInTheParticipantsHelp() throws IOException {
        JsonNode lists = new ObjectMapper().readTree(Path.of("manifest", "manifest.json").toFile())
                .path("bots").path(0).path("commandLists");
        List<String> personal = lists.path(0).path("commands").findValuesAsText("title");
        assertThat(lists.path(0).path("scopes").get(0).asText()).isEqualTo("personal");
        assertThat(personal).isNotEmpty();
        for (String title : personal) {
            if (!title.equals("help")) {
                assertThat(HelpCards.PARTICIPANT).as(title).containsPattern("\\*\\*" + title + "( \\d+)?\\*\\*");
                assertThat(HelpCards.COACH).as(title + " is a participant's command").doesNotContain("**" + title + "**");
            }
        }
    }

    @Test
    void theMainActionsAreButtonsThatSendWhatTheTypedCommandsDo() {
        JsonNode actions = HelpCards.help(false, true, "next session 2026-12-15 14:00").toJson().path("actions");
        assertThat(actions.findValuesAsText("action")).containsExactly(CardActions.START_CHECK_IN,
                CardActions.SHOW_ACTIONS, CardActions.SHOW_TREND);
        assertThat(HelpCards.help(true, true, "next session 2026-12-15 14:00").toJson().toString()).contains("For coaches");
        assertThat(HelpCards.help(false, true, "next session 2026-12-15 14:00").toJson().toString()).doesNotContain("For coaches");
    }
}
