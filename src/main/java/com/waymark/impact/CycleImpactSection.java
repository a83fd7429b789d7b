package com.waymark.impact;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.waymark.cycle.Progress;
import com.waymark.cycle.SessionPulses;
import com.waymark.impact.ImpactReport.Figure;
import com.waymark.impact.ImpactReport.Section;
import org.springframework.stereotype.Component;

/**
 * The coaching cycle in the commissioners' impact report: session by session, the commitments leaders made and how
 * they went, and the after-session pulse, exactly as {@code session pulse} shows the coach. It is the same read
 * ({@link SessionPulses}: the one confidentiality policy, the programme's release ledger, audited as a pulse read),
 * so a figure here never differs from the coach's card and a hidden one stays hidden.
 * <p>
 * It covers every ended session of the programme, not only those in the report's weeks: the coach's read has no
 * period, and the same sessions read over the same span release the same figures (a narrower span would be a second
 * release from nearly the same people, which the ledger would hold back). The report's weeks start with the
 * programme's first week anyway, so for a programme with a start date nothing is left out either way.
 * <p>
 * It lives here, not in {@code cycle}, only because {@code insight} (the digest) already depends on {@code cycle} and
 * {@code impact} on {@code insight}: a section in {@code cycle} would close that loop. It only words what
 * {@link SessionPulses} released.
 */
@Component
class CycleImpactSection implements ImpactSection {

    /** Straight after the report's own actions (30): commitments are the actions a session produced. */
    static final int ORDER = 35;

    static final List<String> ITEMS = List.of("I could say what I really thought", "We worked on what mattered most",
            "I leave with something I will try");
    /** How a commitment went, in the words of the card the participant answered. */
    static final Map<Progress, String> PROGRESS_WORDS = Map.of(Progress.DONE, "done", Progress.PARTLY, "partly",
            Progress.NOT_YET, "not yet", Progress.IN_THE_WAY, "something's in the way");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final SessionPulses pulses;

    CycleImpactSection(SessionPulses pulses) {
        this.pulses = pulses;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Optional<Section> read(long coachId, long programmeId, ImpactPeriod period) {
        // Before the first session ends there is nothing to say, and no read to audit.
        if (!pulses.anyEnded(programmeId)) {
            return Optional.empty();
        }
        SessionPulses.CycleReport report = pulses.read(coachId, programmeId, null);
        if (report.pulses().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(section(report, ZoneId.of(report.timeZone())));
    }

    static Section section(SessionPulses.CycleReport report, ZoneId zone) {
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < report.pulses().size(); i++) {
            SessionPulses.SessionPulse pulse = report.pulses().get(i);
            SessionPulses.SessionCommitments made = report.commitments().get(i);
            LocalDate day = LocalDate.ofInstant(pulse.startsAt(), zone);
            String session = "Session " + (i + 1) + " (" + DAY.format(day) + "), ";
            if (made.shown()) {
                figures.add(new Figure(session + "commitments made", Integer.toString(made.made())));
                figures.add(new Figure(session + "leaders who said \"nothing this time\"", count(made.nothingThisTime())));
                for (Progress kind : Progress.values()) {
                    figures.add(new Figure(session + "commitments " + PROGRESS_WORDS.get(kind),
                            count(made.progress().get(kind))));
                }
            } else {
                // One row, not six: the kinds of a hidden whole would say nothing more.
                figures.add(new Figure(session + "commitments made", null));
            }
            if (pulse.shown()) {
                figures.add(new Figure(session + "leaders who answered the pulse", Integer.toString(pulse.people())));
                figures.add(new Figure(session + ITEMS.get(0), mean(pulse.saidWhatIThought())));
                figures.add(new Figure(session + ITEMS.get(1), mean(pulse.workedOnWhatMattered())));
                figures.add(new Figure(session + ITEMS.get(2), mean(pulse.leaveWithSomething())));
                if (pulse.trend() != null) {
                    figures.add(new Figure(session + "pulse since the session before", switch (pulse.trend()) {
                        case UP -> "up";
                        case DOWN -> "down";
                        case STEADY -> "steady";
                    }));
                }
            } else {
                figures.add(new Figure(session + "leaders who answered the pulse", null));
            }
        }
        List<String> notes = new ArrayList<>();
        if (figures.stream().anyMatch(f -> !f.shown())) {
            notes.add("A figure reads hidden when fewer than " + report.threshold() + " leaders are in it, when it "
                    + "would say something of the few it leaves out (\"all done\" says it of everyone), or when an "
                    + "earlier reading had shown it from nearly the same leaders.");
        }
        return new Section("cycle", "Sessions: commitments and pulse",
                "After each session that has ended, leaders say what they will try before the next one (or "
                        + "\"nothing this time\"), then how it went. Those in a team session also answer a one-minute "
                        + "pulse: three statements from 1 (not at all) to 5 (completely), shown as averages.",
                figures, notes, report.heldBack());
    }

    private static String count(Integer value) {
        return value == null ? null : value.toString();
    }

    /** One decimal, as the coach's card prints it. */
    private static String mean(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
