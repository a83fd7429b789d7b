package com.waymark.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The data rights, audit and support commands, by text and by card. */
class TrustCommandsTest {

    private final CommandParser parser = new CommandParser(4000);
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "my data|MyData", "My Data.|MyData", "export my data|MyData", "what do you know about me?|MyData",
            "delete my data|DeleteMyData", "Erase my data!|DeleteMyData", "forget me|DeleteMyData",
            "who has seen my data?|WhoHasSeenMyData", "Who’s seen my data|WhoHasSeenMyData",
            "who saw my data|WhoHasSeenMyData", "audit|ShowAudit", "Audit log|ShowAudit",
            "delete my data please|Unknown", "my database|Unknown"})
    void phrasesMapToCommands(String text, String expected) {
        assertThat(parser.parse(text, null).getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void cardActionsMapToCommands() {
        assertThat(parser.parse(null, json.createObjectNode().put("action", "confirmErase")))
                .isInstanceOf(Command.ConfirmErase.class);
        assertThat(parser.parse(null, json.createObjectNode().put("action", "deleteMyData")))
                .isInstanceOf(Command.DeleteMyData.class);
        assertThat(parser.parse(null, json.createObjectNode().put("action", "requestCoachCall")))
                .isInstanceOf(Command.RequestCoachCall.class);
        assertThat(parser.parse(null, json.createObjectNode().put("action", "showSupport")))
                .isInstanceOf(Command.ShowSupport.class);
        for (String said : new String[] {"support", "Support.", "where to find support", "I need support"}) {
            assertThat(parser.parse(said, null)).as(said).isInstanceOf(Command.ShowSupport.class);
        }
    }

    @Test
    void noneOfThemWaitsForConsent() {
        for (Command command : new Command[] {new Command.MyData(), new Command.DeleteMyData(),
                new Command.ConfirmErase(), new Command.WhoHasSeenMyData(), new Command.ShowAudit(), new Command.ShowSupport(),
                new Command.RequestCoachCall()}) {
            assertThat(ParticipantConversation.needsConsent(command)).as(command.toString()).isFalse();
        }
    }
}
