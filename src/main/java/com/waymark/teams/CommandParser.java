package com.waymark.teams;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a message (text or card data) as a {@link Command}. Matching is on whole phrases, never "contains". */
final class CommandParser {

    private static final Pattern MENTION = Pattern.compile("<at>[^<]*</at>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String TIME = "(\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)?|\\d{1,2}[:.]\\d{2})";
    /** Month and day of one or two digits: read strictly against the calendar later (CalendarInput), not here. */
    private static final String DATE = "(\\d{4}-\\d{1,2}-\\d{1,2})";

    /** "summary", "team themes", "wellbeing for group Blue since last session", "export since 2026-11-02". */
    private static final Pattern TEAM_REPORT = Pattern.compile("^(?:team\\s+)?(summary|themes|wellbeing|actions|"
            + "participation|export)(?:\\s+(?:for\\s+)?(?:team|group)\\s+(.+?))?(?:\\s+since\\s+(last\\s+session|"
            + "\\d{4}-\\d{1,2}-\\d{1,2}))?$", Pattern.CASE_INSENSITIVE);

    /** Commands that take the rest of the line as their argument. Checked before "add <action>". */
    private static final Pattern PREFIXED = Pattern.compile(
            "^(create\\s+program(?:me)?|new\\s+program(?:me)?|add\\s+group|new\\s+group|use\\s+program(?:me)?"
                    + "|switch\\s+program(?:me)?|switch\\s+to)"
                    + "\\s*:?\\s+(\\S.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private final int maxTextChars;

    CommandParser(int maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    Command parse(String text, JsonNode value) {
        if (value != null && value.isObject()) {
            return parseCardData(value);
        }
        if (text != null && text.length() > maxTextChars) {
            return new Command.TooLong(text.length(), maxTextChars);
        }
        return parseText(text == null ? "" : text);
    }

    /**
     * In a team or group chat nothing personal is done, so a report's word means the team report there: "actions"
     * is the team's action plans (in a 1:1 chat, the actions slice reads it first as the sender's own plan).
     */
    Command parseInSharedChat(String text, JsonNode value) {
        return parse(text, value);
    }

    private static String clean(String raw) {
        return SPACES.matcher(TAGS.matcher(MENTION.matcher(raw == null ? "" : raw).replaceAll(" ")).replaceAll(" "))
                .replaceAll(" ").strip();
    }

    private static Command teamReport(String text) {
        Matcher report = TEAM_REPORT.matcher(text.replaceAll("[.!?]+$", ""));
        return !report.matches() ? null : new Command.TeamReport(
                Command.TeamReport.Report.valueOf(report.group(1).toUpperCase(Locale.ROOT)),
                report.group(2), report.group(3) == null ? null : report.group(3).toLowerCase(Locale.ROOT));
    }

    private Command parseText(String raw) {
        String text = clean(raw);
        String phrase = text.toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "");
        switch (phrase) {
            case "", "help", "?", "commands", "menu", "hi", "hello", "hey", "start" -> {
                return new Command.Help();
            }
            case "privacy", "privacy notice" -> {
                return new Command.ShowPrivacy();
            }
            case "i agree", "agree", "consent", "yes i agree" -> {
                return new Command.GiveConsent();
            }
            case "programme", "program", "programme settings", "show programme" -> {
                return new Command.ShowProgramme();
            }
            case "edit programme", "edit program", "programme edit" -> {
                return new Command.EditProgramme();
            }
            case "create programme", "new programme", "create program", "new program" -> {
                return new Command.CreateProgramme(null);
            }
            case "people", "members", "participants", "roster" -> {
                return new Command.ShowPeople();
            }
            case "coaches", "add coach", "coaching team", "admins" -> {
                return new Command.ShowCoaches();
            }
            case "invite coach", "invite a coach" -> {
                return new Command.InviteStaff(null, "COACH");
            }
            case "invite admin", "invite an admin" -> {
                return new Command.InviteStaff(null, "ADMIN");
            }
            case "enrol", "enroll", "enrol team", "enroll team", "enrol everyone" -> {
                return new Command.EnrolTeam();
            }
            case "add people", "choose people", "pick people" -> {
                return new Command.PickPeople();
            }
            default -> {
                // fall through to the patterns below
            }
        }
        Command report = teamReport(text);
        if (report != null) {
            return report;
        }
        Command scheduling = parseScheduling(text);
        if (scheduling != null) {
            return scheduling;
        }
        Matcher prefixed = PREFIXED.matcher(text);
        if (prefixed.matches()) {
            String verb = prefixed.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                    .replaceAll("program(me)?$", "programme");
            String rest = prefixed.group(2).strip();
            switch (verb) {
                case "create programme", "new programme" -> {
                    return new Command.CreateProgramme(rest);
                }
                case "add group", "new group" -> {
                    return new Command.AddGroup(rest);
                }
                case "use programme", "switch programme", "switch to" -> {
                    return new Command.UseProgramme(rest);
                }
                default -> throw new IllegalStateException("PREFIXED lists only the verbs above");
            }
        }
        return new Command.Unknown();
    }

    /** A coach's next session (a person's own clock is the myclock slice's, read before "leave" and a programme). */
    private static Command parseScheduling(String text) {
        Matcher m;
        return null;
    }

    private Command parseCardData(JsonNode data) {
        String action = data.path("action").asText("");
        return switch (action) {
            case CardActions.CONSENT -> new Command.GiveConsent();
            case CardActions.EDIT_PROGRAMME -> new Command.EditProgramme();
            case CardActions.SHOW_PEOPLE -> new Command.ShowPeople();
            case CardActions.SAVE_PROGRAMME -> new Command.SaveProgramme(textOrNull(data, "programmeId"),
                    textOrNull(data, "name"), textOrNull(data, "organisations"), textOrNull(data, "timeZone"),
                    textOrNull(data, "startsOn"), textOrNull(data, "endsOn"), textOrNull(data, "threshold"),
                    textOrNull(data, "retentionDays"), textOrNull(data, "sessionMinutes"));
            case CardActions.DESCRIBE_MEMBER -> new Command.DescribeMember(textOrNull(data, "participantId"),
                    textOrNull(data, "role"), textOrNull(data, "organisation"), textOrNull(data, "groupId"),
                    textOrNull(data, "lineManagerId"));
            case CardActions.SET_STAFF -> new Command.SetStaff(textOrNull(data, "participantId"),
                    textOrNull(data, "staffRole"));
            case CardActions.INVITE_STAFF -> new Command.InviteStaff(textOrNull(data, "programmeId"),
                    textOrNull(data, "staffRole"));
            case CardActions.ENROL_SELECTED -> new Command.EnrolSelected(textOrNull(data, "participantIds"),
                    textOrNull(data, "groupId"));
            case CardActions.USE_PROGRAMME -> new Command.UseProgramme(textOrNull(data, "programme"));
            default -> new Command.UnknownCardAction();
        };
    }

    /** Card inputs arrive as strings, but a hand-made or replayed submit may carry numbers or junk. */
    private static String textOrNull(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.asText();
    }
}
