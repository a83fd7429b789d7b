package com.waymark.teams.impact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.microsoft.bot.schema.Activity;
import com.waymark.impact.ImpactProblem;
import com.waymark.impact.ImpactReport;
import com.waymark.impact.ImpactReports;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.FileOffers;
import com.waymark.teams.HelpLine;
import com.waymark.teams.InlineFiles;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.stereotype.Component;

/**
 * {@code impact report}, for a programme's coaching team in their 1:1 chat: the programme's impact report for its
 * commissioners, read once (released and audited, {@link ImpactReports}), described on a card, and offered as two
 * files, the PDF and its figures as CSV ({@link FileOffers}: each made, released and audited again when accepted).
 * Where a file can't be offered (the Agents Playground) the figures come as CSV in the chat instead.
 */
@Component
public class ImpactSlice implements FeatureSlice<ImpactCommand> {

    static final String FOR_STAFF = "The impact report is for a programme's coaching team, so there isn't one for "
            + "you here. Your own check-ins stay yours: say \"my data\" to see everything Waymark keeps about you.";
    static final String PDF_IN_TEAMS = "The PDF itself can't be sent in this chat. In Teams' own 1:1 chat with "
            + "Waymark, \"impact report\" offers it as a file to save.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ImpactReports reports;
    private final ProgrammeService programmes;
    private final FileOffers files;
    private final Clock clock;

    ImpactSlice(ImpactReports reports, ProgrammeService programmes, FileOffers files, Clock clock) {
        this.reports = reports;
        this.programmes = programmes;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public Optional<ImpactCommand> parse(Phrase phrase) {
        return phrase.is("impact report", "impact", "impact report pdf") ? Optional.of(new ImpactCommand.Report())
                : Optional.empty();
    }

    @Override
    public List<Activity> handle(Turn turn, ImpactCommand command) {
        long id = turn.participantId();
        if (programmes.programmesOf(id).stream().allMatch(p -> p.staffRole() == null)) {
            return List.of(Reply.text(FOR_STAFF));
        }
        try {
            Programme programme = programmes.currentCoached(id);
            ImpactReport report = reports.read(id, programme.getId());
            ImpactReports.ImpactFile pdf = ImpactReports.pdf(report);
            String csv = ImpactReports.csv(report);
            LocalDate today = LocalDate.ofInstant(clock.instant(), report.period().zone());
            String base = "waymark-impact-report-" + today;
            List<Activity> replies = new ArrayList<>();
            replies.add(Reply.card(card(report, pdf.pages(), turn.canOfferFiles())));
            if (turn.canOfferFiles()) {
                String name = PlainText.of(programme.getName());
                replies.add(files.offer(id, ImpactFileMaker.KIND, ImpactFileMaker.argument(programme.getId(), true),
                        base + ".pdf",
                        pdf.bytes().length, "The impact report of \"" + name + "\", as a PDF. It is read again when "
                                + "you choose Allow."));
                replies.add(files.offer(id, ImpactFileMaker.KIND, ImpactFileMaker.argument(programme.getId(), false),
                        base + ".csv",
                        FileOffers.csvBytes(csv).length, "The impact report's figures for \"" + name + "\", as CSV. "
                                + "They are read again when you choose Allow."));
                return replies;
            }
            replies.addAll(InlineFiles.csv(base + ".csv", csv));
            return replies;
        } catch (ProgrammeProblem | ImpactProblem problem) {
            return List.of(Reply.text(PlainText.of(problem.getMessage())));
        }
    }

    static AdaptiveCard card(ImpactReport report, int pages, boolean files) {
        AdaptiveCard card = AdaptiveCard.create().heading("Impact report: " + PlainText.of(report.programme()))
                .subtle(DAY.format(report.period().first()) + " to " + DAY.format(report.period().last()) + ", "
                        + report.period().weeks() + (report.period().weeks() == 1 ? " week" : " weeks"))
                .text("For commissioners and boards: participation, wellbeing and energy, actions, peer coaching and "
                        + "themes, with a page on method and confidentiality. " + figures(report.released())
                        + " shown, " + report.hidden() + " hidden: every figure combines at least "
                        + report.threshold() + " leaders, and names and reflections are never in it.");
        if (files) {
            card.text("Choose Allow on the next two cards to save the report (a PDF of " + pages
                    + (pages == 1 ? " page" : " pages") + ") and its figures (CSV) to your OneDrive. Each is read "
                    + "again when you choose Allow, under the same confidentiality rules, and that reading is "
                    + "recorded in the programme's audit log too.");
        } else {
            card.text("Its figures follow as CSV. " + PDF_IN_TEAMS);
        }
        return card;
    }

    private static String figures(int figures) {
        return figures == 1 ? "1 figure" : figures + " figures";
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.coach("**impact report**: the programme's impact report for commissioners and "
                + "boards, as a PDF and its figures as CSV"));
    }
}
