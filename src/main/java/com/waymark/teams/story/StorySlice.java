package com.waymark.teams.story;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.microsoft.bot.schema.Activity;
import com.waymark.story.LearningStory;
import com.waymark.story.StoryContent;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.BadInput;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.FileOffers;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.stereotype.Component;

/**
 * "my story": a leader's own learning story. First a card to choose which of their reflections go in (none until
 * they choose); then, in Teams' 1:1 chat, the PDF through the file consent flow ({@link FileOffers}), made from their
 * own data when they accept; where a file can't be offered (the Agents Playground, the emulator), the same story as
 * messages in the chat. It is only ever sent to them: sharing it is theirs to do.
 */
@Component
class StorySlice implements FeatureSlice<StoryCommand> {

    static final String MAKE = "story.make";
    static final String CHOSEN_PREFIX = "include.";
    /** Teams refuses messages over about 28 KB: the chat version is sent in parts under this many characters. */
    static final int MAX_MESSAGE_CHARS = 12_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final LearningStory stories;
    private final FileOffers files;
    private final Clock clock;

    StorySlice(LearningStory stories, FileOffers files, Clock clock) {
        this.stories = stories;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public Optional<StoryCommand> parse(Phrase phrase) {
        return phrase.is("my story", "my learning story", "learning story") ? Optional.of(new StoryCommand.Choose())
                : Optional.empty();
    }

    @Override
    public Optional<StoryCommand> parseCard(CardSubmit submit) {
        if (!MAKE.equals(submit.action())) {
            return Optional.empty();
        }
        List<String> chosen = new ArrayList<>();
        Iterator<String> names = submit.data().fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.startsWith(CHOSEN_PREFIX) && "true".equals(submit.text(name))) {
                chosen.add(name.substring(CHOSEN_PREFIX.length()));
            }
        }
        return Optional.of(new StoryCommand.Make(chosen));
    }

    @Override
    public List<Activity> handle(Turn turn, StoryCommand command) {
        long id = turn.participantId();
        ZoneId zone = ZoneId.of(turn.participant().getTimeZone());
        if (command instanceof StoryCommand.Choose) {
            return List.of(Reply.card(choose(stories.reflections(id), zone)));
        }
        List<Long> chosen = ids(((StoryCommand.Make) command).chosen());
        if (chosen.size() > LearningStory.MAX_CHOSEN) {
            throw new BadInput("Please choose up to " + LearningStory.MAX_CHOSEN + " reflections, so the story stays "
                    + "one you can present from. You chose " + chosen.size() + ".");
        }
        if (turn.canOfferFiles()) {
            byte[] pdf = stories.pdf(id, turn.participant().getDisplayName(), zone, chosen);
            return List.of(
                    Reply.text("Here is your learning story, for you alone. Choose Allow to save it to your OneDrive; "
                            + "it is made afresh from your check-ins and actions when you do."),
                    files.offer(id, StoryFile.KIND, StoryFile.argument(chosen),
                            StoryFile.fileName(clock.instant(), zone), pdf.length,
                            "Your learning story: your check-ins, actions and the reflections you chose, as a PDF."));
        }
        return inChat(stories.content(id, turn.participant().getDisplayName(), zone, chosen));
    }

    /** The ids the card sent, read here rather than when parsing, so a bad one gets its kind answer. */
    private static List<Long> ids(List<String> raw) {
        List<Long> ids = new ArrayList<>();
        for (String value : raw) {
            if (!value.matches("\\d{1,18}")) {
                throw new BadInput("That card is not one I can read, so I haven't made anything. Say \"my story\" "
                        + "for a fresh one.");
            }
            ids.add(Long.valueOf(value));
        }
        return ids;
    }

    /** The card: every reflection they wrote, newest first, each off until they turn it on. */
    static AdaptiveCard choose(List<StoryContent.Choice> reflections, ZoneId zone) {
        AdaptiveCard card = AdaptiveCard.create().heading("My learning story")
                .text("A PDF for you alone, to help you prepare your learning outcomes for the executive team: your "
                        + "check-in trend, the actions you set and completed, and prompts to write from.");
        if (reflections.isEmpty()) {
            card.subtle("You haven't written any reflections yet, so the story has your ratings and actions.");
        } else {
            card.text("Your reflections stay out of it unless you choose them here.");
            for (StoryContent.Choice reflection : reflections.stream().limit(LearningStory.MAX_CHOSEN).toList()) {
                card.toggle(CHOSEN_PREFIX + reflection.checkInId(), DAY.format(LocalDate.ofInstant(reflection.at(),
                        zone)) + ": " + PlainText.of(shortened(reflection.text())));
            }
            if (reflections.size() > LearningStory.MAX_CHOSEN) {
                card.subtle("These are your " + LearningStory.MAX_CHOSEN + " most recent reflections.");
            }
        }
        card.submit("Make my story", MAKE, Map.of());
        return card;
    }

    private static String shortened(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 117).strip() + "…";
    }

    /** Where no file can be offered: the same story as messages, in parts Teams accepts. */
    static List<Activity> inChat(StoryContent story) {
        List<String> sections = new ArrayList<>();
        sections.add("**My learning story** (" + PlainText.of(story.name()) + ")\n\nHere in the chat, as this "
                + "chat can't take a file. In Teams itself, \"my story\" offers it as a PDF.");
        StringBuilder checkIns = new StringBuilder("**My check-ins**\n\n");
        if (story.trend().isEmpty()) {
            checkIns.append("No check-ins yet.");
        } else {
            checkIns.append(story.trend().size()).append(story.trend().size() == 1 ? " check-in" : " check-ins")
                    .append(", wellbeing and energy out of 5:\n\n");
            story.trend().forEach(p -> checkIns.append("- ").append(DAY.format(p.on())).append(": wellbeing ")
                    .append(p.wellbeing()).append(", energy ").append(p.energy()).append("\n"));
        }
        sections.add(checkIns.toString());
        StringBuilder actions = new StringBuilder("**My actions**\n\n");
        if (story.actions().isEmpty()) {
            actions.append("No actions recorded.");
        } else {
            actions.append("I set myself ").append(story.actions().size()).append(story.actions().size() == 1
                    ? " action" : " actions").append(" and completed ").append(story.actionsDone()).append(".\n\n");
            story.actions().forEach(a -> actions.append("- ").append(a.done() ? "Done: " : "Open: ")
                    .append(PlainText.of(a.text())).append("\n"));
        }
        sections.add(actions.toString());
        StringBuilder reflections = new StringBuilder("**Reflections I chose**\n\n");
        if (story.reflections().isEmpty()) {
            reflections.append("None chosen.");
        }
        story.reflections().forEach(r -> reflections.append("- ").append(DAY.format(r.on())).append(": ")
                .append(PlainText.of(r.text())).append("\n"));
        sections.add(reflections.toString());
        StringBuilder prompts = new StringBuilder("**Writing my learning outcomes**\n\n");
        story.prompts().forEach(p -> prompts.append("- ").append(p).append("\n"));
        sections.add(prompts.toString());

        List<Activity> messages = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        for (String section : sections) {
            for (String part : split(section)) {
                if (message.length() + part.length() + 2 > MAX_MESSAGE_CHARS && !message.isEmpty()) {
                    messages.add(Reply.text(message.toString().strip()));
                    message.setLength(0);
                }
                message.append(part).append("\n\n");
            }
        }
        if (!message.isEmpty()) {
            messages.add(Reply.text(message.toString().strip()));
        }
        return messages;
    }

    /** A section longer than a message, split at its lines. */
    private static List<String> split(String section) {
        if (section.length() <= MAX_MESSAGE_CHARS) {
            return List.of(section);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String line : section.split("\n")) {
            if (part.length() + line.length() + 1 > MAX_MESSAGE_CHARS && !part.isEmpty()) {
                parts.add(part.toString());
                part.setLength(0);
            }
            part.append(line.length() > MAX_MESSAGE_CHARS ? line.substring(0, MAX_MESSAGE_CHARS) : line).append("\n");
        }
        parts.add(part.toString());
        return parts;
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.participant("**my story**: your own learning story as a PDF, for you alone, to "
                + "prepare your learning outcomes from"));
    }
}
