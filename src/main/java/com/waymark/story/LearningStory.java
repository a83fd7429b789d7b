package com.waymark.story;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.waymark.checkin.ActionPlanService;
import com.waymark.checkin.OwnCheckIns;
import com.waymark.programme.Programmes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A leader's own learning story ({@code my story}): made only for them, only from their own data, when they ask
 * and again when they accept the file, so nothing is stored. Their reflections are in it only when they choose them.
 */
@Service
public class LearningStory {

    /** The three things the executive team asks of each leader at the end of a programme. */
    public static final List<String> PROMPTS = List.of(
            "How have I developed as a leader? What do I do now that I didn't before, and what have I stopped doing?",
            "How has my team developed? What have they noticed, and what can they now do without me?",
            "What have I brought to the organisation? One change, decision or conversation I can point to.",
            "What do I want to keep doing after the programme, and who will help me keep it up?");

    /** At most this many reflections fit a file offer's sealed description and a readable story. */
    public static final int MAX_CHOSEN = 40;

    private final OwnCheckIns checkIns;
    private final ActionPlanService actions;
    private final Programmes programmes;
    private final Clock clock;

    LearningStory(OwnCheckIns checkIns, ActionPlanService actions, Programmes programmes, Clock clock) {
        this.checkIns = checkIns;
        this.actions = actions;
        this.programmes = programmes;
        this.clock = clock;
    }

    /** The reflections they wrote, newest first, for them to choose from (none is chosen until they choose it). */
    @Transactional(readOnly = true)
    public List<StoryContent.Choice> reflections(long participantId) {
        return checkIns.of(participantId).stream().filter(OwnCheckIns.OwnCheckIn::hasReflection)
                .map(c -> new StoryContent.Choice(c.id(), c.submittedAt(), c.reflection()))
                .sorted((a, b) -> b.at().compareTo(a.at())).toList();
    }

    /**
     * Their story as it stands now. {@code chosen}: the check-ins whose reflections they chose; an id that is not one
     * of their own check-ins simply matches nothing, so a story can never hold another person's words.
     */
    @Transactional(readOnly = true)
    public StoryContent content(long participantId, String name, ZoneId zone, Collection<Long> chosen) {
        Set<Long> wanted = Set.copyOf(chosen);
        List<OwnCheckIns.OwnCheckIn> mine = checkIns.of(participantId);
        List<StoryContent.Point> trend = mine.stream().map(c -> new StoryContent.Point(
                LocalDate.ofInstant(c.submittedAt(), zone), c.wellbeing(), c.energy())).toList();
        List<StoryContent.Reflection> reflections = mine.stream()
                .filter(c -> c.hasReflection() && wanted.contains(c.id()))
                .map(c -> new StoryContent.Reflection(LocalDate.ofInstant(c.submittedAt(), zone), c.question(),
                        c.reflection().strip()))
                .toList();
        List<StoryContent.Action> plan = actions.list(participantId).stream().map(a -> new StoryContent.Action(
                a.text(), a.done(), LocalDate.ofInstant(a.createdAt(), zone),
                a.completedAt() == null ? null : LocalDate.ofInstant(a.completedAt(), zone))).toList();
        List<String> programmeNames = programmes.of(participantId).stream()
                .filter(m -> m.membership() != null).map(m -> m.programme().name()).toList();
        return new StoryContent(name, programmeNames, LocalDate.now(clock.withZone(zone)), trend, plan, reflections,
                PROMPTS);
    }

    /** The story as a PDF. */
    public byte[] pdf(long participantId, String name, ZoneId zone, Collection<Long> chosen) {
        return StoryPdf.render(content(participantId, name, zone, chosen));
    }
}
