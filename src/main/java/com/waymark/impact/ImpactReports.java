package com.waymark.impact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.waymark.insight.ReportHeader;
import com.waymark.insight.TeamInsights;
import com.waymark.insight.TeamSummary;
import com.waymark.pairing.PeerCoachingService;
import com.waymark.pairing.PeerCoachingService.PairsSummary;
import com.waymark.privacy.ReadKind;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import org.springframework.stereotype.Service;

/**
 * The impact report of a programme for its commissioners, read by one of its coaching team: the coach's own
 * {@code summary} over the whole programme (the same scope, the same confidentiality policy and release ledger, so
 * the same figures, audited as an impact report), the peer-coaching summary (released and audited by pairing), and
 * every other module's {@link ImpactSection}. Nothing here computes a figure from people's data: it only words what
 * was released.
 */
@Service
public class ImpactReports {

    /** A programme with no start date is reported over its last twelve weeks. */
    static final int WEEKS_WITHOUT_START = 12;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Programmes programmes;
    private final TeamInsights insights;
    private final PeerCoachingService peerCoaching;
    private final List<ImpactSection> sections;
    private final Clock clock;

    public ImpactReports(Programmes programmes, TeamInsights insights, PeerCoachingService peerCoaching,
                         List<ImpactSection> sections, Clock clock) {
        this.programmes = programmes;
        this.insights = insights;
        this.peerCoaching = peerCoaching;
        this.sections = sections.stream().sorted(Comparator.comparingInt(ImpactSection::order)).toList();
        this.clock = clock;
    }

    /** The report, read now; refuses (as {@code summary} does) anyone who does not coach the programme. */
    public ImpactReport read(long coachId, long programmeId) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        ZoneId zone = ZoneId.of(programme.timeZone());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate starts = programme.settings().startsOn();
        if (starts != null && starts.isAfter(today)) {
            throw new ImpactProblem("\"" + programme.name() + "\" starts on " + DAY.format(starts)
                    + ", so there is nothing to report yet. Its impact report fills in from its first week.");
        }
        LocalDate since = starts != null ? starts : today.minusWeeks(WEEKS_WITHOUT_START);
        TeamSummary summary = insights.summary(coachId, programmeId, since, ReadKind.IMPACT_REPORT);
        PairsSummary pairs = peerCoaching.summary(coachId, programmeId);
        ReportHeader header = summary.header();
        ImpactPeriod period = new ImpactPeriod(LocalDate.ofInstant(header.period().from(), zone),
                LocalDate.ofInstant(header.period().to(), zone).minusDays(1), zone);
        List<Placed> placed = new ArrayList<>();
        List<ImpactReport.Section> core = CoreSections.of(summary, pairs, period);
        for (int i = 0; i < core.size(); i++) {
            placed.add(new Placed(10 * (i + 1), core.get(i)));
        }
        for (ImpactSection extra : sections) {
            extra.read(coachId, programmeId, period).ifPresent(section -> placed.add(new Placed(extra.order(), section)));
        }
        // Stable: a section placed at the same order as one of ours comes after it.
        List<ImpactReport.Section> all = placed.stream().sorted(Comparator.comparingInt(Placed::order))
                .map(Placed::section).toList();
        int heldBack = all.stream().mapToInt(ImpactReport.Section::heldBack).sum();
        return new ImpactReport(programme.name(), starts, period, header.threshold(), clock.instant(), summary, pairs,
                all, heldBack);
    }

    /** A report made into a file: its bytes, its pages (1 for a CSV), and the figures in it. */
    public record ImpactFile(byte[] bytes, int pages, int released, int hidden, String programme, LocalDate madeOn) {
    }

    /** The report as a PDF, read (released and audited) now. */
    public ImpactFile pdf(long coachId, long programmeId) {
        return pdf(read(coachId, programmeId));
    }

    /** A report already read, as a PDF. */
    public static ImpactFile pdf(ImpactReport report) {
        ImpactPdf.Rendered rendered = ImpactPdf.render(report);
        return new ImpactFile(rendered.bytes(), rendered.pages(), report.released(), report.hidden(),
                report.programme(), LocalDate.ofInstant(report.madeAt(), report.period().zone()));
    }

    /** The report's figures as CSV, read (released and audited) now. */
    public String csv(long coachId, long programmeId) {
        return csv(read(coachId, programmeId));
    }

    public static String csv(ImpactReport report) {
        return ImpactCsv.write(report);
    }

    private record Placed(int order, ImpactReport.Section section) {
    }
}
