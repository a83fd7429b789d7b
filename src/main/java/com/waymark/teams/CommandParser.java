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
    private static final String DAY = "(mon|tue|wed|thu|fri|sat|sun)[a-z]*?s?";
    private static final Pattern AWAY = Pattern.compile("^(leave|annual leave|on leave|on call|on-call)\\s+(?:on\\s+)?"
            + DATE + "(?:\\s*(?:to|-|until|–)\\s*" + DATE + ")?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SNOOZE = Pattern.compile("^snooze(?:\\s+(?:for\\s+)?(\\d{1,3}\\s*(?:h|hrs?|hours?|m|mins?|minutes?)))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PAUSE = Pattern.compile("^pause(?:\\s+(?:for\\s+)?(\\d{1,2})\\s*(?:weeks?|wks?))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUIET = Pattern.compile("^quiet\\s+hours?\\s+(?:from\\s+)?" + TIME
            + "\\s*(?:-|to|–|until)\\s*" + TIME + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_DAY = Pattern.compile("^(?:no|not)\\s+(?:on\\s+)?" + DAY + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern OK_DAY = Pattern.compile("^(?:ok|okay|fine|allow)\\s+(?:on\\s+)?" + DAY + "$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER = Pattern.compile("^(?:after|not before)\\s+" + TIME + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ZONE = Pattern.compile("^time\\s*zone\\s+(\\S+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXT_SESSION = Pattern.compile("^(?:next session|session)\\s+(?:on\\s+)?" + DATE
            + "(?:\\s+(?:at\\s+)?" + TIME + ")?$", Pattern.CASE_INSENSITIVE);

    /** "summary", "team themes", "wellbeing for group Blue since last session", "export since 2026-11-02". */
    private static final Pattern TEAM_REPORT = Pattern.compile("^(?:team\\s+)?(summary|themes|wellbeing|actions|"
            + "participation|export)(?:\\s+(?:for\\s+)?(?:team|group)\\s+(.+?))?(?:\\s+since\\s+(last\\s+session|"
            + "\\d{4}-\\d{1,2}-\\d{1,2}))?$", Pattern.CASE_INSENSITIVE);

    private static final Pattern RENAME_THEME = Pattern.compile("^rename\\s+theme\\s+(.+?)\\s+to\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    /** "into" first: theme names may contain "and" ("Wellbeing and boundaries"). */
    private static final Pattern MERGE_INTO = Pattern.compile("^merge\\s+themes?\\s+(.+?)\\s+into\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MERGE_THEMES = Pattern.compile("^merge\\s+themes?\\s+(.+?)\\s+(?:and|with)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THEME_EXAMPLE = Pattern.compile(
            "^(not about|isn'?t about|is not about|more like)\\s+(?:theme\\s+)?([^:]+?)\\s*:\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Commands that take the rest of the line as their argument. Checked before "add <action>". */
    private static final Pattern PREFIXED = Pattern.compile(
            "^(create\\s+program(?:me)?|new\\s+program(?:me)?|add\\s+group|new\\s+group|use\\s+program(?:me)?"
                    + "|switch\\s+program(?:me)?|switch\\s+to|join\\s+program(?:me)?|join|leave\\s+program(?:me)?|leave)"
                    + "\\s*:?\\s+(\\S.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** "accept invitation K7PQ-2MX9-ABCD", "accept invite …", "accept …": an invitation to a coaching team. */
    private static final Pattern ACCEPT_INVITATION = Pattern.compile(
            "^accept(?:\\s+(?:the\\s+|my\\s+)?(?:invitation|invite))?(?:\\s*:?\\s+(\\S.*))?$",
            Pattern.CASE_INSENSITIVE);

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
            case "my programmes", "my programs", "programmes", "programs" -> {
                return new Command.MyProgrammes();
            }
            case "my details", "my role", "correct my details" -> {
                return new Command.MyDetails();
            }
            case "join", "join programme", "join program" -> {
                return new Command.Join("");
            }
            case "skip", "skip this one", "skip it" -> {
                return new Command.Skip();
            }
            case "resume", "unpause" -> {
                return new Command.Resume();
            }
            case "quiet hours off", "no quiet hours" -> {
                return new Command.QuietHours(null, null);
            }
            case "after off", "any time", "anytime" -> {
                return new Command.NotBefore(null);
            }
            case "my schedule", "my check-ins", "my checkins" -> {
                return new Command.MySchedule();
            }
            case "schedule", "check-in schedule", "checkin schedule", "set schedule", "rhythm" -> {
                return new Command.ShowSchedule();
            }
            case "leave", "leave programme", "leave program" -> {
                return new Command.LeaveProgramme(null);
            }
            case "peer coaching", "peer-coaching", "pairing", "pairing plan", "peer coaching plan",
                    "set up peer coaching" -> {
                return new Command.ShowPeerCoaching();
            }
            case "pair now", "pair people now", "pairing now", "run pairing", "run a round" -> {
                return new Command.PairNow();
            }
            case "forbid pair", "forbid a pair", "never pair", "forbidden pairs" -> {
                return new Command.ShowForbidPair();
            }
            case "pairs", "pairs summary", "pairing summary", "peer coaching summary" -> {
                return new Command.ShowPairs();
            }
            case "my pairings", "my pairing", "my pairs", "my peer coaching", "my partners", "my partner" -> {
                return new Command.MyPairings();
            }
            case "can't this round", "cant this round", "can’t this round", "can't make this round",
                    "cant make this round", "can’t make this round", "not this round" -> {
                return new Command.CantThisRound(null);
            }
            case "opt out of peer coaching", "opt out of pairing", "opt out of pairings", "opt-out of peer coaching",
                    "stop peer coaching", "no peer coaching", "opt out" -> {
                return new Command.OptOutOfPeerCoaching();
            }
            case "opt in", "opt back in", "opt in to peer coaching", "opt into peer coaching", "opt in to pairing",
                    "opt in to pairings", "start peer coaching" -> {
                return new Command.OptInToPeerCoaching();
            }
            default -> {
                // fall through to the patterns below
            }
        }
        Command report = teamReport(text);
        if (report != null) {
            return report;
        }
        Command feedback = parseThemeFeedback(text);
        if (feedback != null) {
            return feedback;
        }
        Command scheduling = parseScheduling(text);
        if (scheduling != null) {
            return scheduling;
        }
        Matcher accept = ACCEPT_INVITATION.matcher(text);
        if (accept.matches()) {
            return new Command.AcceptStaffInvitation(accept.group(1) == null ? "" : accept.group(1));
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
                case "join", "join programme" -> {
                    return new Command.Join(rest);
                }
                case "leave programme", "leave" -> {
                    return new Command.LeaveProgramme(rest);
                }
                default -> throw new IllegalStateException("PREFIXED lists only the verbs above");
            }
        }
        return new Command.Unknown();
    }

    private static Command parseThemeFeedback(String text) {
        Matcher m = RENAME_THEME.matcher(text);
        if (m.matches()) {
            return new Command.ThemeFeedback(Command.ThemeFeedback.Kind.RENAME, m.group(1), m.group(2));
        }
        if ((m = MERGE_INTO.matcher(text)).matches() || (m = MERGE_THEMES.matcher(text)).matches()) {
            return new Command.ThemeFeedback(Command.ThemeFeedback.Kind.MERGE, m.group(1), m.group(2));
        }
        if ((m = THEME_EXAMPLE.matcher(text)).matches()) {
            boolean moreLike = m.group(1).toLowerCase(Locale.ROOT).startsWith("more");
            return new Command.ThemeFeedback(moreLike ? Command.ThemeFeedback.Kind.MORE_LIKE
                    : Command.ThemeFeedback.Kind.NOT_ABOUT, m.group(2), m.group(3));
        }
        return null;
    }

    /** Scheduling phrases; checked before "leave <programme>" so that "leave 2026-12-01" means time off. */
    private static Command parseScheduling(String text) {
        Matcher m = AWAY.matcher(text);
        if (m.matches()) {
            return new Command.Away(m.group(2), m.group(3) == null ? m.group(2) : m.group(3),
                    m.group(1).toLowerCase(Locale.ROOT).startsWith("on c") || m.group(1).equalsIgnoreCase("on-call"));
        }
        if ((m = SNOOZE.matcher(text)).matches()) {
            return new Command.Snooze(m.group(1));
        }
        if ((m = PAUSE.matcher(text)).matches()) {
            return new Command.Pause(m.group(1));
        }
        if ((m = QUIET.matcher(text)).matches()) {
            return new Command.QuietHours(m.group(1), m.group(2));
        }
        if ((m = NOT_DAY.matcher(text)).matches()) {
            return new Command.NotOnDay(m.group(1), true);
        }
        if ((m = OK_DAY.matcher(text)).matches()) {
            return new Command.NotOnDay(m.group(1), false);
        }
        if ((m = AFTER.matcher(text)).matches()) {
            return new Command.NotBefore(m.group(1));
        }
        if ((m = ZONE.matcher(text)).matches()) {
            return new Command.SetTimeZone(m.group(1));
        }
        if ((m = NEXT_SESSION.matcher(text)).matches()) {
            return new Command.NextSession(m.group(1), m.group(2));
        }
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
                    textOrNull(data, "retentionDays"));
            case CardActions.DESCRIBE_MEMBER -> new Command.DescribeMember(textOrNull(data, "participantId"),
                    textOrNull(data, "role"), textOrNull(data, "organisation"), textOrNull(data, "groupId"),
                    textOrNull(data, "lineManagerId"));
            case CardActions.SET_STAFF -> new Command.SetStaff(textOrNull(data, "participantId"),
                    textOrNull(data, "staffRole"));
            case CardActions.INVITE_STAFF -> new Command.InviteStaff(textOrNull(data, "programmeId"),
                    textOrNull(data, "staffRole"));
            case CardActions.ENROL_SELECTED -> new Command.EnrolSelected(textOrNull(data, "participantIds"),
                    textOrNull(data, "groupId"));
            case CardActions.CORRECT_DETAILS -> new Command.CorrectDetails(textOrNull(data, "programmeId"),
                    textOrNull(data, "role"), textOrNull(data, "organisation"));
            case CardActions.USE_PROGRAMME -> new Command.UseProgramme(textOrNull(data, "programme"));
            case CardActions.SNOOZE -> new Command.Snooze(null);
            case CardActions.SKIP -> new Command.Skip();
            case CardActions.SAVE_SCHEDULE -> new Command.SaveSchedule(textOrNull(data, "everyWeeks"),
                    textOrNull(data, "weekdays"), textOrNull(data, "time"), textOrNull(data, "openHours"),
                    textOrNull(data, "remindAfterHours"), textOrNull(data, "groupId"));
            case CardActions.SAVE_PEER_COACHING -> new Command.SavePeerCoaching(textOrNull(data, "everyWeeks"),
                    textOrNull(data, "weekday"), textOrNull(data, "time"), textOrNull(data, "mode"),
                    textOrNull(data, "totalRounds"), textOrNull(data, "followUpDays"), textOrNull(data, "groupId"));
            case CardActions.SHOW_FORBID_PAIR -> new Command.ShowForbidPair();
            case CardActions.FORBID_PAIR -> new Command.ForbidPair(textOrNull(data, "first"), textOrNull(data, "second"));
            case CardActions.PAIR_NOW -> new Command.PairNow();
            case CardActions.CANT_THIS_ROUND -> new Command.CantThisRound(textOrNull(data, "memberId"));
            case CardActions.PAIRING_OPT_OUT -> new Command.OptOutOfPeerCoaching();
            case CardActions.PAIRING_FOLLOW_UP -> new Command.AnswerPairingFollowUp(textOrNull(data, "followUpId"),
                    textOrNull(data, "met"), textOrNull(data, "usefulness"), textOrNull(data, "oneThing"));
            case CardActions.MY_PAIRINGS -> new Command.MyPairings();
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
