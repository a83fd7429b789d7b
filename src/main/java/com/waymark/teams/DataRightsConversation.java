package com.waymark.teams;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.waymark.privacy.AuditEntry;
import com.waymark.privacy.AuditLog;
import com.waymark.privacy.DataExport;
import com.waymark.privacy.DataRightsService;
import com.waymark.programme.Participant;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeAccess;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import org.springframework.stereotype.Component;

/**
 * The rights the privacy notice promises, in the 1:1 chat: see and export everything ("my data"), erase it
 * ("delete my data", confirmed on a card), and see who has read summaries that included you. Programme admins
 * review their programme's reads with "audit". None of this waits for consent: it is how people check what
 * they are agreeing to, and how they leave.
 */
@Component
class DataRightsConversation {

    static final int AUDIT_SHOWN = 20;

    private final DataRightsService dataRights;
    private final AuditLog audit;
    private final ProgrammeService programmes;
    private final ProgrammeAccess access;
    private final FileOffers fileOffers;

    DataRightsConversation(DataRightsService dataRights, AuditLog audit, ProgrammeService programmes,
                           ProgrammeAccess access, FileOffers fileOffers) {
        this.fileOffers = fileOffers;
        this.dataRights = dataRights;
        this.audit = audit;
        this.programmes = programmes;
        this.access = access;
    }

    static boolean handles(Command command) {
        return command instanceof Command.MyData || command instanceof Command.DeleteMyData
                || command instanceof Command.ConfirmErase || command instanceof Command.WhoHasSeenMyData
                || command instanceof Command.ShowAudit;
    }

    List<Activity> handle(Participant person, Command command) {
        long id = person.getId();
        ZoneId zone = ZoneId.of(person.getTimeZone());
        if (command instanceof Command.MyData) {
            return myData(person, false);
        }
        if (command instanceof Command.DeleteMyData) {
            return List.of(ParticipantConversation.card(TrustCards.confirmErase(dataRights.export(id).counts(),
                    programmes.handoversOnErasure(id))));
        }
        if (command instanceof Command.ConfirmErase) {
            // The total counts what the card listed (the export's entries), not table rows touched: erasing also
            // rewrites rows that are not the person's entries (audit lines no longer naming them, for instance).
            int listed = dataRights.export(id).counts().values().stream().mapToInt(Integer::intValue).sum();
            dataRights.erase(id);
            return List.of(MessageFactory.text("Done. I've erased everything Waymark held about you (" + listed
                    + (listed == 1 ? " record" : " records") + " in all): your profile, consents, check-ins, reflections, actions, programme places "
                    + "and any coaching roles. Coaches' audit records no longer name you. If you'd like to take "
                    + "part again one day, just say hello and we'll start afresh."));
        }
        if (command instanceof Command.WhoHasSeenMyData) {
            return List.of(ParticipantConversation.card(TrustCards.readsIncludingMe(
                    audit.readsIncluding(id).stream().map(DataRightsConversation::forDisplay).toList(), zone)));
        }
        if (command instanceof Command.ShowAudit) {
            return showAudit(id, zone);
        }
        throw new IllegalArgumentException("Not a data rights command: " + command.getClass().getSimpleName());
    }

    /**
     * "my data": the summary card, then the complete export. In Teams' 1:1 chat ({@code files}) as a file consent
     * card, the file being made afresh when they choose Allow ({@link FileOffers}); elsewhere as JSON code blocks.
     */
    List<Activity> myData(Participant person, boolean files) {
        DataExport export = dataRights.export(person.getId());
        String fileName = FileOffers.myDataFileName(export.exportedAt(), ZoneId.of(person.getTimeZone()));
        List<Activity> replies = new ArrayList<>();
        if (files) {
            replies.add(ParticipantConversation.card(TrustCards.myDataAsFile(export.counts(), fileName)));
            replies.add(fileOffers.offer(person.getId(), new FileOffers.MyDataFile(), fileName,
                    FileOffers.myDataBytes(export.document()).length,
                    "Everything Waymark stores about you, as JSON. It is made afresh when you choose Allow."));
            return replies;
        }
        List<Activity> json = InlineFiles.json(fileName, export.document());
        // The card first: it always renders, and says what the messages after it hold.
        replies.add(ParticipantConversation.card(TrustCards.myData(export.counts(), fileName, json.size())));
        replies.addAll(json);
        return replies;
    }

    private List<Activity> showAudit(long id, ZoneId zone) {
        try {
            Programme programme = programmes.currentCoached(id);
            if (!access.isAdmin(programme.getId(), id)) {
                return List.of(MessageFactory.text("The audit of \"" + PlainText.of(programme.getName())
                        + "\" is for its admins. Ask one of them if you need to see it."));
            }
            return List.of(ParticipantConversation.card(TrustCards.audit(programme.getName(),
                    audit.recentReads(programme.getId(), AUDIT_SHOWN).stream().map(DataRightsConversation::forDisplay).toList(),
                    zone)));
        } catch (ProgrammeProblem problem) {
            return List.of(MessageFactory.text(PlainText.of(problem.getMessage())));
        }
    }

    private static TrustCards.Read forDisplay(AuditEntry entry) {
        return new TrustCards.Read(entry.at(), entry.what(),
                entry.programme() == null ? "no programme" : "\"" + PlainText.of(entry.programme()) + "\"",
                entry.reader() == null ? "a coach who has since left Waymark" : entry.reader(),
                entry.peopleIncluded());
    }
}
