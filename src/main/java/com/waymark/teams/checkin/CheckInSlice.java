package com.waymark.teams.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.bot.schema.Activity;
import com.waymark.checkin.CheckInResult;
import com.waymark.checkin.CheckInService;
import com.waymark.checkin.CheckInSettings;
import com.waymark.checkin.CheckInSubmission;
import com.waymark.checkin.Prompt;
import com.waymark.programme.Participant;
import com.waymark.programme.ProgrammeService;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import com.waymark.teams.WaymarkCards;
import com.waymark.teams.question.CommitmentsBeside;
import com.waymark.teams.support.SupportSlice;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Checking in, in the 1:1 chat: the card (wellbeing, energy, one question to reflect on), its answer or the same in
 * one typed line, and the reply with the person's trend, followed by an offer of support when the check-in calls for
 * one. Waits for consent. First in help: it is the next step.
 */
@Component
@Order(10)
public class CheckInSlice implements FeatureSlice<CheckInCommand> {

    public static final String START_CHECK_IN = "startCheckIn";
    public static final String SUBMIT_CHECK_IN = "checkin";

    /** "4 3 tried a new huddle", "4/3", "check in 4, 3: text" — a check-in in one line of text. */
    private static final Pattern TEXT_CHECK_IN = Pattern.compile(
            "^(?:check[ -]?in\\s*:?\\s*)?([1-5])\\s*(?:[/,]\\s*|\\s+)([1-5])(?:(?:\\s*[,.:;-]\\s*|\\s+)(.*))?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** An id on a card; compiled once, as every check-in asks it twice. */
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private final CheckInService checkIns;
    private final ProgrammeService programmes;
    private final SupportSlice support;
    private final int maxReflectionChars;
    private final CommitmentsBeside beside;

    CheckInSlice(CheckInService checkIns, ProgrammeService programmes, SupportSlice support, CheckInSettings settings,
                 CommitmentsBeside beside) {
        this.beside = beside;
        this.checkIns = checkIns;
        this.programmes = programmes;
        this.support = support;
        this.maxReflectionChars = settings.maxReflectionChars();
    }

    @Override
    public Optional<CheckInCommand> parse(Phrase phrase) {
        return phrase.is("check in", "checkin", "check-in", "check in now", "reflect")
                ? Optional.of(new CheckInCommand.Start()) : Optional.empty();
    }

    /** Loose: "4 3 …" is tried only after every other phrase, as before. */
    @Override
    public Optional<CheckInCommand> parseLoosely(Phrase phrase) {
        Matcher line = TEXT_CHECK_IN.matcher(phrase.text());
        return line.matches() ? Optional.of(new CheckInCommand.Submit(line.group(1), line.group(2), null,
                line.group(3), false, false, null, null)) : Optional.empty();
    }

    @Override
    public Optional<CheckInCommand> parseCard(CardSubmit submit) {
        return switch (submit.action()) {
            case START_CHECK_IN -> Optional.of(new CheckInCommand.Start());
            case SUBMIT_CHECK_IN -> Optional.of(new CheckInCommand.Submit(submit.value("wellbeing"),
                    submit.value("energy"), submit.value("promptId"), submit.value("reflection"),
                    "true".equalsIgnoreCase(submit.data().path("quoteOk").asText()), true,
                    submit.value("programmeId"), submit.value("occurrenceId")));
            default -> Optional.empty();
        };
    }

    @Override
    public boolean needsConsent(Turn turn, CheckInCommand command) {
        return true;
    }

    /** A submitted check-in: {@link CheckInService#record} asks under the person's lock before anything else. */
    @Override
    public boolean consentAskedByService(Turn turn, CheckInCommand command) {
        return command instanceof CheckInCommand.Submit;
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.participant("""
                **check in** – a short check-in: your wellbeing, your energy and one question to reflect on. \
                Or in one line, wellbeing then energy (1–5) and your reflection: 4 3 Tried a new huddle format"""));
    }

    @Override
    public List<Activity> handle(Turn turn, CheckInCommand command) {
        if (command instanceof CheckInCommand.Submit submit) {
            return submit(turn.participant(), submit);
        }
        Prompt prompt = checkIns.nextPrompt(turn.participantId());
        return List.of(Reply.card(WaymarkCards.checkIn(prompt, beside.lines(prompt.id(), turn.participantId()),
                maxReflectionChars)));
    }

    private List<Activity> submit(Participant participant, CheckInCommand.Submit submit) {
        long id = participant.getId();
        ProgrammeService.CheckInProgrammes about = programmes.checkInProgrammes(participant,
                idOrNull(submit.programmeId()));
        var submission = new CheckInSubmission(submit.wellbeing(), submit.energy(), submit.promptId(),
                submit.reflection(), submit.quoteOk(), submit.fromCard() ? CheckInSubmission.Source.CARD : CheckInSubmission.Source.TEXT,
                about.countsFor(), idOrNull(submit.occurrenceId()));
        CheckInResult result = checkIns.record(id, submission);
        if (result instanceof CheckInResult.Saved saved) {
            List<Activity> replies = new ArrayList<>();
            replies.add(Reply.card(WaymarkCards.checkInSaved(saved.trend(), saved.quoteOk())));
            replies.addAll(support.afterCheckIn(saved, about.current()));
            return replies;
        }
        var rejected = (CheckInResult.Rejected) result;
        return List.of(Reply.text("I couldn't save that check-in yet, and nothing was stored:\n\n- "
                + String.join("\n- ", rejected.problems())));
    }

    /** The programme a check-in is about: the one on the card if they take part in it, else their current one. */
    private static Long idOrNull(String raw) {
        return raw != null && ID.matcher(raw.strip()).matches() ? Long.valueOf(raw.strip()) : null;
    }
}
