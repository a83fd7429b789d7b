package com.waymark.teams.reports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.insight.Report;
import com.waymark.insight.ScopeRequest;
import com.waymark.insight.TeamInsights;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeService;
import com.waymark.teams.FileOffers;
import com.waymark.teams.InlineFiles;
import com.waymark.teams.InsightCards;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import org.springframework.stereotype.Component;

/**
 * The export of a coach's current programme: a card saying what it holds, then the CSV, as a file offered on a file
 * consent card (made again, for this programme, when they choose Allow) or shown as code blocks.
 */
@Component
class TeamExport {

    private final TeamInsights insights;
    private final ProgrammeService programmes;
    private final FileOffers fileOffers;
    private final Clock clock;

    TeamExport(TeamInsights insights, ProgrammeService programmes, FileOffers fileOffers, Clock clock) {
        this.insights = insights;
        this.programmes = programmes;
        this.fileOffers = fileOffers;
        this.clock = clock;
    }

    /** {@code files}: in Teams' 1:1 chat, where an export can be offered as a file (see {@link FileOffers}). */
    List<Activity> export(long coachId, ScopeRequest request, boolean files) {
        Programme programme = programmes.currentCoached(coachId);
        Report<String> csv = insights.exportCsv(coachId, programme.getId(), request);
        String fileName = FileOffers.exportFileName(clock.instant(), csv.header().zone());
        int figures = (int) csv.body().lines().count() - 1;
        List<Activity> replies = new ArrayList<>();
        if (files) {
            replies.add(Reply.card(InsightCards.exportAsFile(csv, figures, fileName)));
            replies.add(fileOffers.offer(coachId, new FileOffers.ExportFile(programme.getId(), request), fileName,
                    FileOffers.csvBytes(csv.body()).length, "Team-level figures of \""
                            + PlainText.of(programme.getName()) + "\", as CSV. They are read again when you choose "
                            + "Allow."));
            return replies;
        }
        replies.add(Reply.card(InsightCards.export(csv, figures)));
        replies.addAll(InlineFiles.csv(fileName, csv.body()));
        return replies;
    }
}
