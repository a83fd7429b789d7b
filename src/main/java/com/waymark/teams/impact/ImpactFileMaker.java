package com.waymark.teams.impact;

import com.waymark.impact.ImpactProblem;
import com.waymark.impact.ImpactReports;
import com.waymark.programme.Participant;
import com.waymark.teams.BadInput;
import com.waymark.teams.FileMaker;
import com.waymark.teams.FileOffers;
import org.springframework.stereotype.Component;

/**
 * The impact report's files, made when the coach chooses Allow ({@link FileOffers}): the PDF or the CSV of the
 * programme named in the sealed offer, read, released and audited again then, and only while they coach it (a coach
 * no longer coaching it gets {@code ProgrammeProblem}'s kind refusal).
 */
@Component
public class ImpactFileMaker implements FileMaker {

    static final String KIND = "impact-report";
    public static final String DECLINED = "No problem, I haven't saved the file. Say \"impact report\" whenever "
            + "you'd like it.";
    public static final String EXPIRED = "That offer is more than a day old, so I haven't made the file. Say "
            + "\"impact report\" for a fresh one.";

    private final ImpactReports reports;

    ImpactFileMaker(ImpactReports reports) {
        this.reports = reports;
    }

    /** What the offer carries: the programme and which file ("42:pdf"; the offer's own fields are split by bars). */
    static String argument(long programmeId, boolean pdf) {
        return programmeId + ":" + (pdf ? "pdf" : "csv");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] make(Participant person, String argument) {
        String[] parts = argument.split(":");
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("pdf|csv")) {
            throw new BadInput(EXPIRED);
        }
        long programmeId = Long.parseLong(parts[0]);
        try {
            return parts[1].equals("pdf") ? reports.pdf(person.getId(), programmeId).bytes()
                    : FileOffers.csvBytes(reports.csv(person.getId(), programmeId));
        } catch (ImpactProblem problem) {
            throw new BadInput(problem.getMessage());
        }
    }

    @Override
    public String declined() {
        return DECLINED;
    }

    @Override
    public String expired() {
        return EXPIRED;
    }
}
