package com.waymark.programme;

/**
 * Someone accepted an admin's invitation to a programme's coaching team: the admin who made it is told, in their 1:1
 * chat. Ids only: the new team member's row ({@code staffMemberId}), so the message is worded when it is sent and a
 * person who left the team or erased their data meanwhile is never named.
 */
public record StaffInvitationAccepted(long programmeId, long invitedBy, long staffMemberId) {
}
