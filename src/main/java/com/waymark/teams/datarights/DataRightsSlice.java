package com.waymark.teams.datarights;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.FileOffers;
import com.waymark.teams.HelpLine;
import com.waymark.teams.InlineFiles;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.TrustCards;
import com.waymark.teams.Turn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rights the privacy notice promises, in the 1:1 chat: see and export everything ("my data"), erase it
 * ("delete my data", confirmed on a card), and see who has read summaries that included you. Programme admins
 * review their programme's reads with "audit". None of this waits for consent: it is how people check what
 * they are agreeing to, and how they leave.
 */
@Component
@Order(70)
public class DataRightsSlice implements FeatureSlice<DataRightsCommand> {

    public static final String ASK_ERASE = "deleteMyData";
    public static final String CONFIRM_ERASE = "confirmErase";
    static final int AUDIT_SHOWN = 20;

    private final DataRightsService dataRights;
    private final AuditLog audit;
    private final ProgrammeService programmes;
    private final ProgrammeAccess access;
    private final FileOffers fileOffers;

    DataRightsSlice(DataRightsService dataRights, AuditLog audit, ProgrammeService programmes, ProgrammeAccess access,
                    FileOffers fileOffers) {
        this.fileOffers = fileOffers;
        this.dataRights = dataRights;
        this.audit = audit;
        this.programmes = programmes;
        this.access = access;
    }

    @Override
    public Optional<DataRightsCommand> parse(Phrase phrase) {
        if (phrase.is("my data", "export my data", "download my data", "show my data", "see my data",
                "my information", "what do you know about me")) {
            return Optional.of(new DataRightsCommand.MyData());
        }
        if (phrase.is("delete my data", "erase my data", "remove my data", "delete all my data", "erase all my data",
                "delete me", "erase me", "forget me")) {
            return Optional.of(new DataRightsCommand.DeleteMyData());
        }
        if (phrase.is("who has seen my data", "who's seen my data", "who’s seen my data", "who saw my data",
                "who has looked at my data", "who has accessed my data", "who has seen my information")) {
            return Optional.of(new DataRightsCommand.WhoHasSeenMyData());
        }
        if (phrase.is("audit", "audit log", "show audit", "programme audit", "program audit")) {
            return Optional.of(new DataRightsCommand.ShowAudit());
        }
        return Optional.empty();
    }

    @Override
    public Optional<DataRightsCommand> parseCard(CardSubmit submit) {
        return switch (submit.action()) {
            case ASK_ERASE -> Optional.of(new DataRightsCommand.DeleteMyData());
            case CONFIRM_ERASE -> Optional.of(new DataRightsCommand.ConfirmErase());
            default -> Optional.empty();
        };
    }

    /** The line names {@code privacy} too: the notice is the bot's own (consent comes before any feature). */
    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.participant("**privacy**, **my data**, **delete my data**, **who has seen my data** "
                + "– see, export or erase what I hold about you"),
                HelpLine.coach("**audit** (admins: recent reads of the programme's data)"));
    }

    @Override
    public List<Activity> handle(Turn turn, DataRightsCommand command) {
        Participant person = turn.participant();
        long id = person.getId();
        ZoneId zone = ZoneId.of(person.getTimeZone());
        if (command instanceof DataRightsCommand.MyData) {
            return myData(person, turn.canOfferFiles());
        }
        if (command instanceof DataRightsCommand.DeleteMyData) {
            return List.of(Reply.card(TrustCards.confirmErase(dataRights.export(id).counts(),
                    programmes.handoversOnErasure(id))));
        }
        if (command instanceof DataRightsCommand.ConfirmErase) {
            // The total counts what the card listed (the export's entries), not table rows touched: erasing also
            // rewrites rows that are not the person's entries (audit lines no longer naming them, for instance).
            int listed = dataRights.export(id).counts().values().stream().mapToInt(Integer::intValue).sum();
            dataRights.erase(id);
            return List.of(Reply.text("Done. I've erased everything Waymark held about you (" + listed
                    + (listed == 1 ? " record" : " records") + " in all): your profile, consents, check-ins, reflections, actions, programme places "
                    + "and any coaching roles. Coaches' audit records no longer name you. If you'd like to take "
                    + "part again one day, just say hello and we'll start afresh."));
        }
        if (command instanceof DataRightsCommand.WhoHasSeenMyData) {
            return List.of(Reply.card(TrustCards.readsIncludingMe(
                    audit.readsIncluding(id).stream().map(DataRightsSlice::forDisplay).toList(), zone)));
        }
        return showAudit(id, zone);
    }

    /**
     * "my data": the summary card, then the complete export. In Teams' 1:1 chat ({@code files}) as a file consent
     * card, the file being made afresh when they choose Allow ({@link FileOffers}); elsewhere as JSON code blocks.
     */
    private List<Activity> myData(Participant person, boolean files) {
        DataExport export = dataRights.export(person.getId());
        String fileName = FileOffers.myDataFileName(export.exportedAt(), ZoneId.of(person.getTimeZone()));
        List<Activity> replies = new ArrayList<>();
        if (files) {
            replies.add(Reply.card(TrustCards.myDataAsFile(export.counts(), fileName)));
            replies.add(fileOffers.offer(person.getId(), new FileOffers.MyDataFile(), fileName,
                    FileOffers.myDataBytes(export.document()).length,
                    "Everything Waymark stores about you, as JSON. It is made afresh when you choose Allow."));
            return replies;
        }
        List<Activity> json = InlineFiles.json(fileName, export.document());
        // The card first: it always renders, and says what the messages after it hold.
        replies.add(Reply.card(TrustCards.myData(export.counts(), fileName, json.size())));
        replies.addAll(json);
        return replies;
    }

    private List<Activity> showAudit(long id, ZoneId zone) {
        try {
            Programme programme = programmes.currentCoached(id);
            if (!access.isAdmin(programme.getId(), id)) {
                return List.of(Reply.text("The audit of \"" + PlainText.of(programme.getName())
                        + "\" is for its admins. Ask one of them if you need to see it."));
            }
            return List.of(Reply.card(TrustCards.audit(programme.getName(),
                    audit.recentReads(programme.getId(), AUDIT_SHOWN).stream().map(DataRightsSlice::forDisplay)
                            .toList(), zone)));
        } catch (ProgrammeProblem problem) {
            return List.of(Reply.text(PlainText.of(problem.getMessage())));
        }
    }

    private static TrustCards.Read forDisplay(AuditEntry entry) {
        return new TrustCards.Read(entry.at(), entry.what(),
                entry.programme() == null ? "no programme" : "\"" + PlainText.of(entry.programme()) + "\"",
                entry.reader() == null ? "a coach who has since left Waymark" : entry.reader(),
                entry.peopleIncluded());
    }
}
