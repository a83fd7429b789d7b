package com.waymark.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.teams.datarights.DataRightsCommand;
import com.waymark.teams.datarights.DataRightsSlice;
import com.waymark.teams.support.SupportCommand;
import com.waymark.teams.support.SupportSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The data rights, audit and support commands, by text and by card. */
class TrustCommandsTest {

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "my data|DataRightsCommand.MyData", "My Data.|DataRightsCommand.MyData", "export my data|DataRightsCommand.MyData", "what do you know about me?|DataRightsCommand.MyData",
            "delete my data|DataRightsCommand.DeleteMyData", "Erase my data!|DataRightsCommand.DeleteMyData", "forget me|DataRightsCommand.DeleteMyData",
            "who has seen my data?|DataRightsCommand.WhoHasSeenMyData", "Who’s seen my data|DataRightsCommand.WhoHasSeenMyData",
            "who saw my data|DataRightsCommand.WhoHasSeenMyData", "audit|DataRightsCommand.ShowAudit", "Audit log|DataRightsCommand.ShowAudit",
            "delete my data please|Unknown", "my database|Unknown"})
    void phrasesMapToCommands(String text, String expected) {
        assertThat(SlicesForTests.name(SlicesForTests.read(text, null))).isEqualTo(expected);
    }

    @Test
    void cardActionsMapToCommands() {
        assertThat(SlicesForTests.read(null, json.createObjectNode().put("action", "confirmErase")))
                .isInstanceOf(DataRightsCommand.ConfirmErase.class);
        assertThat(SlicesForTests.read(null, json.createObjectNode().put("action", "deleteMyData")))
                .isInstanceOf(DataRightsCommand.DeleteMyData.class);
        assertThat(SlicesForTests.read(null, json.createObjectNode().put("action", "requestCoachCall")))
                .isInstanceOf(SupportCommand.RequestCoachCall.class);
        assertThat(SlicesForTests.read(null, json.createObjectNode().put("action", "showSupport")))
                .isInstanceOf(SupportCommand.Show.class);
        for (String said : new String[] {"support", "Support.", "where to find support", "I need support"}) {
            assertThat(SlicesForTests.read(said, null)).as(said).isInstanceOf(SupportCommand.Show.class);
        }
    }

    @Test
    void noneOfThemWaitsForConsent() {
        Turn anyone = new Turn(null, false);
        for (Command command : new Command[] {new DataRightsCommand.MyData(), new DataRightsCommand.DeleteMyData(),
                new DataRightsCommand.ConfirmErase(), new DataRightsCommand.WhoHasSeenMyData(),
                new DataRightsCommand.ShowAudit(), new SupportCommand.Show(), new SupportCommand.RequestCoachCall()}) {
            assertThat(needsConsent(anyone, command)).as(command.toString()).isFalse();
        }
    }

    /** Whether the slice that reads {@code command} says it waits for consent. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean needsConsent(Turn turn, Command command) {
        for (FeatureSlice slice : SlicesForTests.slices().all()) {
            if (slice instanceof DataRightsSlice && command instanceof DataRightsCommand
                    || slice instanceof SupportSlice && command instanceof SupportCommand) {
                return slice.needsConsent(turn, command);
            }
        }
        throw new IllegalArgumentException(command.toString());
    }
}
