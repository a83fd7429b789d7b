package com.waymark.teams.programme;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.microsoft.bot.schema.Activity;
import com.waymark.cycle.SessionCycle;
import com.waymark.programme.Participant;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.ProgrammeSettings;
import com.waymark.schedule.ScheduleService;
import com.waymark.teams.CardIds;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.NoticeCards;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.ScheduleCards;
import com.waymark.teams.SharedTurn;
import com.waymark.teams.Turn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A coach setting programmes up in their 1:1 chat: creating one, its settings, its groups, and which one they are
 * working with; its set-up at a glance works in a team or group chat too. Every reply names the programme it is
 * about, because people can belong to several.
 */
@Component
@Order(3)
public class ProgrammeSlice implements FeatureSlice<ProgrammeCommand> {

    public static final String SAVE_PROGRAMME = "saveProgramme";
    public static final String EDIT_PROGRAMME = "editProgramme";
    public static final String USE_PROGRAMME = "useProgramme";

    /** Commands that take the rest of the line as their argument (as typed: a closing full stop is the name's). */
    private static final Pattern PREFIXED = Pattern.compile(
            "^(create\\s+program(?:me)?|new\\s+program(?:me)?|add\\s+group|new\\s+group|use\\s+program(?:me)?"
                    + "|switch\\s+program(?:me)?|switch\\s+to)"
                    + "\\s*:?\\s+(\\S.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final DateTimeFormatter SESSION = DateTimeFormatter.ofPattern("EEEE d MMM yyyy 'at' HH:mm",
            Locale.ENGLISH);

    private final ProgrammeService programmes;
    private final ScheduleService schedules;
    private final CardIds cardIds;
    private final SessionCycle sessions;

    ProgrammeSlice(ProgrammeService programmes, ScheduleService schedules, CardIds cardIds, SessionCycle sessions) {
        this.sessions = sessions;
        this.programmes = programmes;
        this.schedules = schedules;
        this.cardIds = cardIds;
    }

    @Override
    public Optional<ProgrammeCommand> parse(Phrase phrase) {
        if (phrase.is("programme", "program", "programme settings", "show programme")) {
            return Optional.of(new ProgrammeCommand.Show());
        }
        if (phrase.is("edit programme", "edit program", "programme edit")) {
            return Optional.of(new ProgrammeCommand.Edit());
        }
        if (phrase.is("create programme", "new programme", "create program", "new program")) {
            return Optional.of(new ProgrammeCommand.Create(null));
        }
        Matcher prefixed = PREFIXED.matcher(phrase.text());
        if (!prefixed.matches()) {
            return Optional.empty();
        }
        String verb = prefixed.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String rest = prefixed.group(2).strip();
        if (verb.startsWith("create") || verb.startsWith("new program")) {
            return Optional.of(new ProgrammeCommand.Create(rest));
        }
        return Optional.of(verb.endsWith("group") ? new ProgrammeCommand.AddGroup(rest) : new ProgrammeCommand.Use(rest));
    }

    /** In a team or group chat, "programme" shows the set-up there (its join code is no secret to its members). */
    @Override
    public Optional<ProgrammeCommand> parseShared(Phrase phrase) {
        return parse(phrase).filter(ProgrammeCommand.Show.class::isInstance);
    }

    @Override
    public Optional<ProgrammeCommand> parseCard(CardSubmit submit) {
        return switch (submit.action()) {
            case EDIT_PROGRAMME -> Optional.of(new ProgrammeCommand.Edit());
            case USE_PROGRAMME -> Optional.of(new ProgrammeCommand.Use(submit.value("programme")));
            case SAVE_PROGRAMME -> Optional.of(new ProgrammeCommand.Save(submit.value("programmeId"),
                    submit.value("name"), submit.value("organisations"), submit.value("timeZone"),
                    submit.value("startsOn"), submit.value("endsOn"), submit.value("threshold"),
                    submit.value("retentionDays"), submit.value("sessionMinutes")));
            default -> Optional.empty();
        };
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.coach("**programme**, **edit programme**, **create programme** and its name, "
                        + "**use programme** and its name, **add group** and its name, for example: add group Blue"),
                HelpLine.teamChat("**programme** – your programme's set-up at a glance"));
    }

    /** Runs one programme command; a refusal by the programme rules becomes a kind reply. */
    @Override
    public List<Activity> handle(Turn turn, ProgrammeCommand command) {
        try {
            return run(turn.participant(), command);
        } catch (ProgrammeProblem problem) {
            return List.of(Reply.text(PlainText.of(problem.getMessage())));
        }
    }

    @Override
    public boolean worksInSharedChat(ProgrammeCommand command) {
        return command instanceof ProgrammeCommand.Show;
    }

    @Override
    public CompletableFuture<List<Activity>> handleShared(SharedTurn turn, ProgrammeCommand command) {
        return CompletableFuture.completedFuture(handle(new Turn(turn.participant(), false), command));
    }

    private List<Activity> run(Participant person, ProgrammeCommand command) {
        long id = person.getId();
        if (command instanceof ProgrammeCommand.Create create) {
            return create(person, create.name());
        }
        if (command instanceof ProgrammeCommand.Save save) {
            return save(id, person, save);
        }
        if (command instanceof ProgrammeCommand.Use use) {
            return List.of(Reply.text("Now working with \"" + PlainText.of(programmes.use(id, use.name()).getName())
                    + "\"."));
        }
        Programme programme = programmes.currentCoached(id);
        if (command instanceof ProgrammeCommand.Edit) {
            return List.of(Reply.card(SetupCards.settings(cardIds.seal(CardIds.Kind.PROGRAMME, id,
                    programme.getId()), programme.settings(), minutes(programme.settings()))));
        }
        if (command instanceof ProgrammeCommand.AddGroup add) {
            var group = programmes.newGroup(id, programme.getId(), add.name());
            return List.of(Reply.text("Added the group \"" + PlainText.of(group.name()) + "\" to \""
                    + PlainText.of(programme.getName()) + "\". Say \"people\" to put people in it."));
        }
        return List.of(overview(id, programme.getId()));
    }

    /** No name: the settings card to fill in; a name: the programme, with its overview to adjust. */
    private List<Activity> create(Participant person, String name) {
        if (name == null || name.isBlank()) {
            ProgrammeSettings blank = ProgrammeSettings.defaults(null, person.getTimeZone());
            return List.of(Reply.card(SetupCards.settings(null, blank, minutes(blank))));
        }
        Programme created = programmes.create(person.getId(), ProgrammeSettings.defaults(name.strip(),
                person.getTimeZone()));
        return List.of(Reply.text("Created \"" + PlainText.of(created.getName()) + "\". You are its admin and "
                + "coach. Adjust the settings below, add groups (for example \"add group East place board\"), "
                + "then bring people in."), overview(person.getId(), created.getId()));
    }

    /** The set-up at a glance, with the check-in rhythm and the next session from scheduling. */
    private Activity overview(long coachId, long programmeId) {
        var overview = programmes.overview(coachId, programmeId);
        ZoneId zone = ZoneId.of(overview.programme().getTimeZone());
        var rhythms = schedules.active(programmeId);
        String rhythm = rhythms.isEmpty() ? "not set yet (say \"schedule\")" : rhythms.stream()
                .map(s -> ScheduleCards.describe(s.rhythm())).collect(Collectors.joining("; "));
        String next = schedules.nextSessionStart(programmeId)
                .map(startsAt -> SESSION.format(startsAt.atZone(zone)))
                .orElse("not recorded yet (say \"" + schedules.sessionExample(zone) + "\")");
        return Reply.card(SetupCards.overview(overview, rhythm, next, minutes(overview.programme().settings())));
    }

    /** How long this programme's sessions last when recorded without a length: its own, else the installation's. */
    private int minutes(ProgrammeSettings settings) {
        return (int) sessions.defaultLength(settings).toMinutes();
    }

    private List<Activity> save(long id, Participant person, ProgrammeCommand.Save save) {
        Optional<Programme> existing = SettingsForm.blank(save.programmeId()) ? Optional.empty()
                : Optional.of(programmes.coached(id, cardIds.open(CardIds.Kind.PROGRAMME, id, save.programmeId())
                        .orElseThrow(() -> new ProgrammeProblem(ProgrammeService.NOT_YOURS))));
        ProgrammeSettings settings = SettingsForm.read(save, existing.map(Programme::settings)
                .orElse(ProgrammeSettings.defaults(null, person.getTimeZone())));
        Programme saved = existing.isPresent()
                ? programmes.update(id, existing.get().getId(), settings)
                : programmes.create(id, settings);
        String lowering = programmes.overview(id, saved.getId()).lowering()
                .map(lower -> " The confidentiality threshold stays " + lower.was() + " until "
                        + NoticeCards.when(lower, ZoneId.of(saved.getTimeZone())) + " and is " + lower.to()
                        + " from then: each participant who agreed to the notice is told in their 1:1 chat first, "
                        + "so they can leave or erase their data before it applies.")
                .orElse("");
        return List.of(Reply.text((existing.isPresent() ? "Saved the settings of \"" : "Created \"")
                        + PlainText.of(saved.getName()) + "\"." + lowering),
                overview(id, saved.getId()));
    }
}
