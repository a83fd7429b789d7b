package com.waymark.teams;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the console says about credentials: where the bot listens and whether it checks, and credentials that can't work. */
class StartupNoticesTest {

    private static final String APP_ID = "6f3b9c1e-52a4-4d7e-9a0b-3c8e1f2d4a55";

    @Test
    void anAppIdWithoutItsSecretStopsTheStartSayingWhyAndWhatToDo() {
        var problem = catchThrowableOfType(BotCredentialsException.class, () -> BotCredentialsCheck.check(
                new MockEnvironment().withProperty("waymark.bot.app-id", APP_ID)));
        FailureAnalysis analysis = new BotCredentialsFailureAnalyzer().analyze(
                new BeanCreationException("botFrameworkAdapter", "Failed", problem));
        assertThat(analysis.getDescription()).isEqualTo("MicrosoftAppId is set but MicrosoftAppPassword is not: "
                + "Waymark would take messages and fail every reply, as a reply needs a token and the token needs the "
                + "client secret.");
        assertThat(analysis.getAction()).contains("MicrosoftAppPassword").contains("local mode");

        assertThatCode(() -> BotCredentialsCheck.check(new MockEnvironment())).as("local mode")
                .doesNotThrowAnyException();
        assertThatCode(() -> BotCredentialsCheck.check(new MockEnvironment().withProperty("waymark.bot.app-id", APP_ID)
                .withProperty("waymark.bot.app-password", "a-secret"))).doesNotThrowAnyException();
    }

    @Test
    void theNoticeSaysWhereTheBotReallyListens() {
        assertThat(notice(null, "127.0.0.1").line(3978)).isEqualTo("Local mode: no MicrosoftAppId is set, so messages "
                + "are accepted without authentication. Listening on this machine only, at "
                + "http://127.0.0.1:3978/api/messages. For the Microsoft 365 Agents Playground; never for production.");
        assertThat(notice(null, "0.0.0.0").line(3978)).as("an address chosen on purpose is not called local")
                .contains("Listening at http://0.0.0.0:3978/api/messages, where other machines can reach it "
                        + "(server.address is set).").doesNotContain("this machine only");
        assertThat(notice(APP_ID, null).line(3978)).isEqualTo("Bot Framework authentication is on for app id " + APP_ID
                + "; messages are taken on port 3978 at /api/messages");
    }

    private static LocalModeNotice notice(String appId, String address) {
        MockEnvironment env = new MockEnvironment();
        if (address != null) {
            env.setProperty("server.address", address);
        }
        return new LocalModeNotice(new BotSettings(appId, appId == null ? null : "secret", null, null, 0, 0, List.of(),
                List.of(), 30, Duration.ofHours(24)), env);
    }
}
