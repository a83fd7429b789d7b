package com.waymark.teams;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's command menu in Teams offers, in each scope, what the help there offers. */
class HelpCardsTest {

    /** The participant's help as the card shows it: every slice's lines, in the slices' order. */
    static final String PARTICIPANT = "- " + String.join("\n- ",
            SlicesForTests.slices().help(HelpLine.Audience.PARTICIPANT));
    /** The coaches' section: every slice's coach lines, in the slices' order. */
    static final String COACH = "- " + String.join("\n- ", SlicesForTests.slices().help(HelpLine.Audience.COACH));
    /** What works in a team or group chat: every slice's lines for it (the help there puts them between two lines). */
    static final String TEAM_CHAT = "- " + String.join("\n- ", SlicesForTests.slices().help(HelpLine.Audience.TEAM_CHAT));

    @Test
    void everyCommandOfThePersonalMenuIsInTheParticipantsHelp() throws IOException {
        JsonNode lists = new ObjectMapper().readTree(Path.of("manifest", "manifest.json").toFile())
                .path("bots").path(0).path("commandLists");
        List<String> personal = lists.path(0).path("commands").findValuesAsText("title");
        assertThat(lists.path(0).path("scopes").get(0).asText()).isEqualTo("personal");
        assertThat(personal).isNotEmpty();
        for (String title : personal) {
            if (!title.equals("help")) {
                assertThat(PARTICIPANT).as(title).containsPattern("\\*\\*" + title + "( \\d+)?\\*\\*");
                assertThat(COACH).as(title + " is a participant's command").doesNotContain("**" + title + "**");
            }
        }
    }

    /**
     * For each scope the menu and the help agree: every menu title is a command the help names in bold (alone or
     * with an example after it), and in a team or group chat, whose help is short, every command the help names is
     * in the menu too. Teams' own limits: at most 10 commands a list, titles up to 32 characters, descriptions up to
     * 128, and both present.
     */
    @Test
    void theCommandMenuOfEachScopeMatchesItsHelpWithinTeamsLimits() throws IOException {
        JsonNode lists = new ObjectMapper().readTree(Path.of("manifest", "manifest.json").toFile())
                .path("bots").path(0).path("commandLists");
        Map<String, List<String>> menus = new HashMap<>();
        for (JsonNode list : lists) {
            JsonNode commands = list.path("commands");
            assertThat(commands.size()).as("commands in a list").isBetween(1, 10);
            commands.forEach(c -> {
                assertThat(c.path("title").asText()).isNotBlank().hasSizeLessThanOrEqualTo(32);
                assertThat(c.path("description").asText()).as(c.path("title").asText()).isNotBlank()
                        .hasSizeLessThanOrEqualTo(128);
            });
            list.path("scopes").forEach(scope -> menus.put(scope.asText(), commands.findValuesAsText("title")));
        }
        assertThat(menus.keySet()).containsExactlyInAnyOrder("personal", "team", "groupChat");
        assertThat(menus.get("team")).isEqualTo(menus.get("groupChat"));

        Set<String> personalHelp = bold(PARTICIPANT + COACH);
        // "(or **team actions**)" is another way to say the command before it: the menu offers one of the two.
        Set<String> teamHelp = bold(TEAM_CHAT.replaceAll("\\(or \\*\\*[^*]+\\*\\*\\)", ""));
        for (String title : menus.get("personal")) {
            assertThat(title.equals("help") || named(personalHelp, title)).as("personal menu: " + title).isTrue();
        }
        for (String title : menus.get("team")) {
            assertThat(title.equals("help") || named(teamHelp, title)).as("team menu: " + title).isTrue();
        }
        assertThat(menus.get("personal")).contains("help");
        assertThat(menus.get("team")).contains("help").containsAll(teamHelp);
    }

    /** The commands a help text names: its bold terms. */
    private static Set<String> bold(String help) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\*\\*([^*]+)\\*\\*").matcher(help);
        while (m.find()) {
            terms.add(m.group(1).strip());
        }
        return terms;
    }

    /** "done" is named by "**done 1**": a command with an example after it. */
    private static boolean named(Set<String> terms, String title) {
        return terms.stream().anyMatch(t -> t.equals(title) || t.startsWith(title + " "));
    }

    /** Checking in leads: it is the next step, and what a newcomer reads first. */
    @Test
    void theParticipantsHelpLeadsWithCheckingIn() {
        assertThat(PARTICIPANT).startsWith("- **check in** – a short check-in").contains("**support** – people to talk to");
    }

    /**
     * No command is listed by hand: every line of help, in each section, is a slice's, and the coaches' section holds
     * what coaches set up (programmes, people, the coaching team, enrolling from a chat) and read (team reports).
     */
    @Test
    void everySectionIsMadeOfTheSlicesLines() {
        assertThat(COACH).startsWith("- **programme**, **edit programme**, **create programme** and its name")
                .contains("**people**", "**coaches**", "**invite coach**", "**invite admin**", "**audit**",
                        "**enrol**", "**add people**", "**schedule**", "**next session**", "**peer coaching**",
                        "**pair now**", "**forbid pair**", "**pairs**", "**summary**", "**export**",
                        "for example: " + HelpLine.SESSION_EXAMPLE);
        assertThat(TEAM_CHAT).startsWith("- **programme** – your programme's set-up at a glance")
                .contains("**enrol** – bring everyone", "**add people** – choose who", "**export** – team reports");
        assertThat(PARTICIPANT).doesNotContain("**summary**", "**programme**", "**enrol**");
    }
}
