package com.waymark.programme;

/**
 * A person as other modules know them: who they are and whether Waymark can message them, without the opaque
 * conversation reference only the edge reads.
 *
 * @param reachable false once they removed the app or blocked the bot
 * @param hasChat   true once the edge stored where to reach them (their 1:1 chat was opened)
 */
public record ParticipantInfo(long id, String tenantId, String displayName, String aadObjectId, String timeZone,
                              boolean reachable, boolean hasChat) {

    /** Whether a proactive message can reach them at all. */
    public boolean messageable() {
        return reachable && hasChat;
    }
}
