package com.waymark.teams.cycle;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.waymark.cycle.SessionEnds;
import org.springframework.stereotype.Component;

/**
 * Teams' meeting events, for the coaching cycle: when a meeting the bot is in ends (event
 * {@value #MEETING_END}, what the SDK's {@code TeamsActivityHandler.onTeamsMeetingEnd} handles), the session recorded
 * in it ends now. Teams sends it for scheduled meetings someone joined, with the app's resource-specific consent
 * ({@code OnlineMeeting.ReadBasic.Chat}, {@code ChannelMeeting.ReadBasic.Group}: see the manifest). The value's keys
 * come capitalised in Teams' own payloads ({@code Id}, {@code JoinUrl}, {@code EndTime}) and in camel case from the
 * SDKs' types, so both are read. Nothing in it is stored; the meeting's title is never read.
 */
@Component
public class MeetingEvents {

    public static final String MEETING_END = "application/vnd.microsoft.meetingEnd";

    private final SessionEnds ends;

    MeetingEvents(SessionEnds ends) {
        this.ends = ends;
    }

    /** Whether the activity was a meeting event (handled here, whether or not a session was in that meeting). */
    public boolean handle(Activity activity) {
        if (activity == null || activity.getName() == null
                || !MEETING_END.equalsIgnoreCase(activity.getName())) {
            return false;
        }
        JsonNode value = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        JsonNode channelData = activity.getChannelData() == null ? null
                : Serialization.objectToTree(activity.getChannelData());
        String threadId = field(value, "id");
        String joinUrl = field(value, "joinUrl");
        String meetingId = channelData == null ? null : text(channelData.path("meeting").path("id"));
        String conversation = activity.getConversation() == null ? null : activity.getConversation().getId();
        ends.meetingEnded(threadId != null ? threadId : conversation, joinUrl, meetingId);
        return true;
    }

    /** {@code name} in camel case, or capitalised as Teams sends it. */
    private static String field(JsonNode value, String name) {
        if (value == null || !value.isObject()) {
            return null;
        }
        String found = text(value.get(name));
        return found != null ? found
                : text(value.get(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1)));
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
