package com.waymark.teams;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.FileConsentCard;
import com.microsoft.bot.schema.teams.FileConsentCardResponse;
import com.microsoft.bot.schema.teams.FileInfoCard;
import com.microsoft.bot.schema.teams.FileUploadInfo;
import com.waymark.insight.InsightProblem;
import com.waymark.insight.ScopeRequest;
import com.waymark.insight.TeamInsights;
import com.waymark.privacy.DataRightsService;
import com.waymark.programme.Participant;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.ProgrammeProblem;
import org.springframework.stereotype.Component;

/**
 * Files the Teams way, in a 1:1 chat: a file consent card offers the file; when the person chooses Allow, Teams sends
 * the invoke {@code fileConsent/invoke} with an upload address in their OneDrive, the file is made there and then, put
 * there ({@link FileUpload}) and announced with a file info card; Decline gets a short, kind answer.
 * <p>
 * Nothing is kept between the offer and the answer: the card's context holds only a sealed description of what to
 * make ({@link CardIds}, bound to the person it was offered to, with the moment it was offered), and the file is made
 * again from the person's data as it is when they accept. So a file declined or never answered leaves nothing behind,
 * and a coach's export is read, released through the confidentiality rules and the release ledger and audited at the
 * moment it is made, for the programme it was offered for and only while they still coach it. A context that is not
 * ours, was made for someone else, or is older than {@link #VALID_FOR} makes nothing.
 * <p>
 * This handles the invoke itself rather than through the SDK's {@code TeamsActivityHandler} (whose
 * {@code onTeamsFileConsentAccept} does the same), which {@link WaymarkBot} does not extend.
 */
@Component
public class FileOffers {

    static final String INVOKE = "fileConsent/invoke";
    /** An offer older than this makes nothing: long enough to answer later the same day, short enough to be current. */
    static final Duration VALID_FOR = Duration.ofDays(1);
    static final String CONTEXT_KEY = "waymarkFile";

    /** The file info card below it names the file and opens it. */
    static final String SAVED = "Done: saved to your OneDrive.";
    static final String DECLINED_MY_DATA = "No problem, I haven't saved anything. Say \"my data\" whenever you'd like "
            + "the file.";
    static final String DECLINED_EXPORT = "No problem, I haven't saved the file. Say \"export\" whenever you'd like it.";
    static final String NOT_FOR_YOU = "I can't make that file: it wasn't offered to you, or the offer is no longer "
            + "one I can read. Nothing was saved. Say \"my data\" (or, as a coach, \"export\") for a fresh one.";
    static final String EXPIRED_MY_DATA = "That offer is more than a day old, so I haven't made the file. Say "
            + "\"my data\" for a fresh one.";
    static final String EXPIRED_EXPORT = "That offer is more than a day old, so I haven't made the file. Say "
            + "\"export\" for a fresh one.";
    static final String UPLOAD_FAILED = "I couldn't save the file to your OneDrive just now, so nothing was saved. "
            + "Please try again in a few minutes.";

    /** What an accepted offer makes. */
    public sealed interface FileRequest permits MyDataFile, ExportFile, MadeFile {
    }

    /** Everything stored about the person, as JSON. */
    public record MyDataFile() implements FileRequest {
    }

    /** A coach's export of one programme's team-level figures, as CSV. */
    public record ExportFile(long programmeId, ScopeRequest scope) implements FileRequest {
    }

    /** A file a slice's {@link FileMaker} makes, with what it needs to know to make it. */
    record MadeFile(String kind, String argument) implements FileRequest {
    }

    private record Offer(Instant at, FileRequest request) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CardIds ids;
    private final ParticipantService participants;
    private final DataRightsService dataRights;
    private final TeamInsights insights;
    private final FileUpload upload;
    private final Clock clock;
    private final Map<String, FileMaker> makers;

    FileOffers(CardIds ids, ParticipantService participants, DataRightsService dataRights, TeamInsights insights,
               FileUpload upload, Clock clock, List<FileMaker> makers) {
        this.makers = makers.stream().collect(Collectors.toMap(FileMaker::kind, m -> m));
        this.ids = ids;
        this.participants = participants;
        this.dataRights = dataRights;
        this.insights = insights;
        this.upload = upload;
        this.clock = clock;
    }

    /**
     * Whether this conversation can take a file consent card: Teams' own 1:1 chat. The Agents Playground, started
     * with {@code -c msteams}, also says {@code msteams}, so the channel alone can't tell; what can is where replies
     * go. Teams' Bot Connector is a service on the internet, reached over HTTPS; the Playground's and the Bot
     * Framework Emulator's connector runs on this machine (serviceUrl {@code http://localhost:…}), and neither shows
     * a file consent card (the Playground shows "File Consent Card is not supported yet"). Teams in the US government
     * clouds (GCC High, DoD: {@code *.teams.microsoft.us}) has no file consent either. Everywhere else the file is
     * shown in the chat instead ({@link InlineFiles}).
     */
    static boolean canOfferFiles(Activity activity) {
        if (!"msteams".equals(activity.getChannelId()) || activity.getConversation() == null
                || !"personal".equals(activity.getConversation().getConversationType())) {
            return false;
        }
        try {
            URI service = URI.create(activity.getServiceUrl());
            String host = service.getHost() == null ? "" : service.getHost().toLowerCase(Locale.ROOT);
            return "https".equalsIgnoreCase(service.getScheme()) && !host.isEmpty() && !FileUpload.loopback(host)
                    && !host.endsWith(".teams.microsoft.us");
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** The consent card offering {@code fileName} to {@code viewerId}, to be made when they accept. */
    public Activity offer(long viewerId, FileRequest request, String fileName, long sizeInBytes, String description) {
        String token = ids.sealValue(CardIds.Kind.FILE, viewerId, encode(new Offer(clock.instant(), request)));
        FileConsentCard card = new FileConsentCard();
        card.setDescription(description);
        card.setSizeInBytes(sizeInBytes);
        card.setAcceptContext(JSON.createObjectNode().put(CONTEXT_KEY, token));
        card.setDeclineContext(JSON.createObjectNode().put(CONTEXT_KEY, token));
        Attachment attachment = new Attachment();
        attachment.setContentType(FileConsentCard.CONTENT_TYPE);
        attachment.setName(fileName);
        attachment.setContent(card);
        return MessageFactory.attachment(attachment);
    }

    /** A slice's file: {@code maker} makes it from {@code argument} when {@code viewerId} accepts. */
    public Activity offer(long viewerId, String maker, String argument, String fileName, long sizeInBytes,
                          String description) {
        if (!makers.containsKey(maker) || argument.contains("|")) {
            throw new IllegalArgumentException("No file maker " + maker + ", or an argument with a bar");
        }
        return offer(viewerId, new MadeFile(maker, argument), fileName, sizeInBytes, description);
    }

    public static String myDataFileName(Instant at, ZoneId zone) {
        return "waymark-my-data-" + LocalDate.ofInstant(at, zone) + ".json";
    }

    public static String exportFileName(Instant at, ZoneId zone) {
        return "waymark-export-" + LocalDate.ofInstant(at, zone) + ".csv";
    }

    /** The whole export as the file holds it: pretty JSON, UTF-8. */
    public static byte[] myDataBytes(JsonNode document) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** UTF-8 with a byte order mark, so that Excel reads names with accents as they were written. */
    public static byte[] csvBytes(String csv) {
        return ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
    }

    /** The answer to Teams' {@code fileConsent/invoke}: Allow or Decline on one of our consent cards. */
    CompletableFuture<InvokeResponse> answer(TurnContext turn) {
        Activity activity = turn.getActivity();
        FileConsentCardResponse response = read(activity.getValue());
        if (response == null || !("accept".equals(response.getAction()) || "decline".equals(response.getAction()))) {
            return CompletableFuture.completedFuture(new InvokeResponse(HttpURLConnection.HTTP_BAD_REQUEST, null));
        }
        List<Activity> replies = TurnFacts.isPersonal(activity) && TurnFacts.hasSender(activity)
                ? replies(activity, response) : List.of();
        InvokeResponse ok = new InvokeResponse(HttpURLConnection.HTTP_OK, null);
        return replies.isEmpty() ? CompletableFuture.completedFuture(ok)
                : turn.sendActivities(replies).thenApply(sent -> ok);
    }

    private List<Activity> replies(Activity activity, FileConsentCardResponse response) {
        Optional<Participant> person = participants.find(TurnFacts.identity(activity));
        JsonNode context = response.getContext() == null ? null : Serialization.objectToTree(response.getContext());
        String token = context == null ? null : context.path(CONTEXT_KEY).asText(null);
        Optional<Offer> offer = person.flatMap(p -> ids.openValue(CardIds.Kind.FILE, p.getId(), token))
                .flatMap(FileOffers::decode);
        Optional<FileMaker> maker = offer.filter(o -> o.request() instanceof MadeFile)
                .map(o -> makers.get(((MadeFile) o.request()).kind()));
        if ("decline".equals(response.getAction()) && maker.isPresent()) {
            return List.of(MessageFactory.text(maker.get().declined()));
        }
        if ("decline".equals(response.getAction())) {
            boolean export = offer.map(o -> o.request() instanceof ExportFile).orElse(false);
            return List.of(MessageFactory.text(export ? DECLINED_EXPORT : DECLINED_MY_DATA));
        }
        if (offer.isEmpty()) {
            return List.of(MessageFactory.text(NOT_FOR_YOU));
        }
        boolean export = offer.get().request() instanceof ExportFile;
        if (offer.get().at().plus(VALID_FOR).isBefore(clock.instant()) && maker.isPresent()) {
            return List.of(MessageFactory.text(maker.get().expired()));
        }
        if (offer.get().at().plus(VALID_FOR).isBefore(clock.instant())) {
            return List.of(MessageFactory.text(export ? EXPIRED_EXPORT : EXPIRED_MY_DATA));
        }
        FileUploadInfo info = response.getUploadInfo();
        if (info == null || info.getUploadUrl() == null) {
            return List.of(MessageFactory.text(UPLOAD_FAILED));
        }
        byte[] bytes;
        try {
            bytes = offer.get().request() instanceof MadeFile made
                    ? maker.orElseThrow().make(person.get(), made.argument())
                    : make(person.get().getId(), offer.get().request());
        } catch (ProgrammeProblem | InsightProblem | BadInput problem) {
            return List.of(MessageFactory.text(PlainText.of(problem.getMessage())));
        }
        if (!upload.put(info.getUploadUrl(), bytes)) {
            return List.of(MessageFactory.text(UPLOAD_FAILED));
        }
        return List.of(fileInfo(info));
    }

    /** The file, made now from what is stored now. */
    private byte[] make(long personId, FileRequest request) {
        if (request instanceof ExportFile export) {
            return csvBytes(insights.exportCsv(personId, export.programmeId(), export.scope()).body());
        }
        return myDataBytes(dataRights.export(personId).document());
    }

    private static Activity fileInfo(FileUploadInfo info) {
        FileInfoCard card = new FileInfoCard();
        card.setUniqueId(info.getUniqueId());
        card.setFileType(info.getFileType());
        Attachment attachment = new Attachment();
        attachment.setContentType(FileInfoCard.CONTENT_TYPE);
        attachment.setName(info.getName());
        attachment.setContentUrl(info.getContentUrl());
        attachment.setContent(card);
        Activity message = MessageFactory.attachment(attachment);
        message.setText(SAVED);
        return message;
    }

    private static FileConsentCardResponse read(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Serialization.safeGetAs(value, FileConsentCardResponse.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    // ---- what the sealed context says: when it was offered, and what to make ----

    private static String encode(Offer offer) {
        String at = Long.toString(offer.at().getEpochSecond());
        if (offer.request() instanceof ExportFile export) {
            ScopeRequest scope = export.scope();
            return at + "|export|" + export.programmeId() + "|" + (scope.sinceLastSession() ? "1" : "0") + "|"
                    + (scope.since() == null ? "" : scope.since().toString()) + "|"
                    + (scope.group() == null ? "" : scope.group());
        }
        if (offer.request() instanceof MadeFile made) {
            return at + "|made|" + made.kind() + "|" + made.argument();
        }
        return at + "|my-data";
    }

    private static Optional<Offer> decode(String value) {
        try {
            String[] fields = value.split("\\|", 6);
            Instant at = Instant.ofEpochSecond(Long.parseLong(fields[0]));
            if (fields.length == 2 && fields[1].equals("my-data")) {
                return Optional.of(new Offer(at, new MyDataFile()));
            }
            if (fields.length == 4 && fields[1].equals("made")) {
                return Optional.of(new Offer(at, new MadeFile(fields[2], fields[3])));
            }
            if (fields.length == 6 && fields[1].equals("export")) {
                ScopeRequest scope = new ScopeRequest(fields[5].isEmpty() ? null : fields[5],
                        fields[4].isEmpty() ? null : LocalDate.parse(fields[4]), fields[3].equals("1"));
                return Optional.of(new Offer(at, new ExportFile(Long.parseLong(fields[2]), scope)));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
