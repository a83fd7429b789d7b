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
    /** "4 3 tried a new huddle", "4/3", "check in 4, 3: text" — a check-in in one line of text. */
    private static final Pattern TEXT_CHECK_IN = Pattern.compile(
            "^(?:check[ -]?in\\s*:?\\s*)?([1-5])\\s*(?:[/,]\\s*|\\s+)([1-5])(?:(?:\\s*[,.:;-]\\s*|\\s+)(.*))?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ADD_ACTION = Pattern.compile("^(?:add action|add|new action)\\b\\s*:?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DONE = Pattern.compile("^(?:done|complete|completed|finished)\\s*#?\\s*(\\S*)$",
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

    private Command parseText(String raw) {
        String text = SPACES.matcher(TAGS.matcher(MENTION.matcher(raw).replaceAll(" ")).replaceAll(" "))
                .replaceAll(" ").strip();
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
            case "check in", "checkin", "check-in", "check in now", "reflect" -> {
                return new Command.StartCheckIn();
            }
            case "my actions", "actions", "my action plan", "action plan", "my plan" -> {
                return new Command.ListActions();
            }
            case "my trend", "trend", "my progress", "progress", "my wellbeing" -> {
                return new Command.ShowTrend();
            }
            default -> {
                // fall through to the patterns below
            }
        }
        Matcher checkIn = TEXT_CHECK_IN.matcher(text);
        if (checkIn.matches()) {
            return new Command.SubmitCheckIn(checkIn.group(1), checkIn.group(2), null, checkIn.group(3), false, false);
        }
        Matcher add = ADD_ACTION.matcher(text);
        if (add.matches()) {
            return new Command.AddAction(add.group(1));
        }
        Matcher done = DONE.matcher(text);
        if (done.matches()) {
            return new Command.CompleteAction(done.group(1));
        }
        return new Command.Unknown();
    }

    private Command parseCardData(JsonNode data) {
        String action = data.path("action").asText("");
        return switch (action) {
            case CardActions.CONSENT -> new Command.GiveConsent();
            case CardActions.START_CHECK_IN -> new Command.StartCheckIn();
            case CardActions.SUBMIT_CHECK_IN -> new Command.SubmitCheckIn(
                    textOrNull(data, "wellbeing"), textOrNull(data, "energy"), textOrNull(data, "promptId"),
                    textOrNull(data, "reflection"), "true".equalsIgnoreCase(data.path("quoteOk").asText()), true);
            case CardActions.COMPLETE_ACTION -> new Command.CompleteAction(data.path("number").asText(""));
            case CardActions.SHOW_ACTIONS -> new Command.ListActions();
            case CardActions.SHOW_TREND -> new Command.ShowTrend();
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
