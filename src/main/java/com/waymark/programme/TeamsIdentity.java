package com.waymark.programme;

/**
 * Who is talking to us, as Teams tells it, stripped of every Bot Framework type.
 *
 * @param tenantId    the Microsoft 365 tenant (organisation); blank outside Teams
 * @param userId      the channel user id (Teams "29:…"), unique per bot and user
 * @param aadObjectId the Entra ID object id, stable across bots; may be absent outside Teams
 * @param name        display name, may be absent
 * @param timeZone    IANA time zone from the client, may be absent
 */
public record TeamsIdentity(String tenantId, String userId, String aadObjectId, String name, String timeZone) {

    /** The stable key we recognise a person by: the Entra object id where Teams gives one. */
    public String identityKey() {
        return aadObjectId != null && !aadObjectId.isBlank() ? "aad:" + aadObjectId : "id:" + userId;
    }

    public String tenantOrBlank() {
        return tenantId == null ? "" : tenantId;
    }
}
