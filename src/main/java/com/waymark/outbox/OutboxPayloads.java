package com.waymark.outbox;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How payloads are stored: a type name (the {@code kind} column) and a version ({@code payload_version}) beside the
 * record's JSON, and read back by type. The type names are those the rows carried before payloads were typed, and
 * each record's fields are the keys those rows' JSON already used, so rows queued before still deliver (version 1).
 * A record whose shape changes gets a new version here, and the old version is read into the new shape.
 */
final class OutboxPayloads {

    /** The type names rows carry; a check-in's reminder is its own type, as it always was. */
    static final String CHECKIN_PROMPT = "CHECKIN_PROMPT";
    static final String CHECKIN_REMINDER = "CHECKIN_REMINDER";
    static final String TEXT = "TEXT";

    private static final Map<Class<? extends OutboxPayload>, String> TYPES = Map.of(
            OutboxPayload.SessionDigest.class, "SESSION_DIGEST",
            OutboxPayload.PairingNudge.class, "PAIRING_NUDGE",
            OutboxPayload.PairingFollowUp.class, "PAIRING_FOLLOW_UP",
            OutboxPayload.PairingUpdate.class, "PAIRING_UPDATE",
            OutboxPayload.CoachCall.class, "COACH_CALL",
            OutboxPayload.ThresholdLowered.class, "THRESHOLD_LOWERED",
            OutboxPayload.StaffJoined.class, "STAFF_JOINED",
            OutboxPayload.LegacyText.class, TEXT);

    /** Types that features' modules registered ({@link OutboxPayloadType} beans), by stored name. */
    private static final Map<String, Class<? extends OutboxPayload>> REGISTERED = new ConcurrentHashMap<>();

    /** Every type is at version 1: none has changed shape since payloads were typed. */
    static final int VERSION = 1;

    // Its own mapper, not the application's: what is stored must not change with the web layer's settings.
    // Unknown keys are ignored, so a row written by a newer instance during a rolling deploy still reads.
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private OutboxPayloads() {
    }

    static String typeOf(OutboxPayload payload) {
        if (payload instanceof OutboxPayload.CheckIn checkIn) {
            return checkIn.reminder() ? CHECKIN_REMINDER : CHECKIN_PROMPT;
        }
        String known = TYPES.get(payload.getClass());
        if (known != null) {
            return known;
        }
        return REGISTERED.entrySet().stream().filter(e -> e.getValue() == payload.getClass()).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "No OutboxPayloadType registered for " + payload.getClass().getName()));
    }

    /** Called once per context for each registered type; the same mapping again is fine, a clash is not. */
    static void register(OutboxPayloadType type) {
        if (TYPES.containsValue(type.name()) || CHECKIN_PROMPT.equals(type.name())
                || CHECKIN_REMINDER.equals(type.name())) {
            throw new IllegalStateException("Outbox type name " + type.name() + " is taken by a built-in payload");
        }
        Class<? extends OutboxPayload> before = REGISTERED.putIfAbsent(type.name(), type.type());
        if (before != null && before != type.type()) {
            throw new IllegalStateException("Outbox type name " + type.name() + " is registered twice: "
                    + before.getName() + " and " + type.type().getName());
        }
    }

    static String write(OutboxPayload payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (IOException e) {
            throw new IllegalStateException("Unwritable payload " + typeOf(payload), e);
        }
    }

    /** The record a row holds; throws IllegalArgumentException for a type or version this instance does not know. */
    static OutboxPayload read(String type, int version, String json) {
        if (version > VERSION) {
            throw new IllegalArgumentException("Payload " + type + " v" + version + " is newer than this instance");
        }
        String body = json == null ? "{}" : json;
        try {
            if (CHECKIN_PROMPT.equals(type) || CHECKIN_REMINDER.equals(type)) {
                OutboxPayload.CheckIn read = JSON.readValue(body, OutboxPayload.CheckIn.class);
                // Rows from before typed payloads have no "reminder" key: their type says it.
                return new OutboxPayload.CheckIn(read.occurrenceId(), read.programmeId(), read.programmeName(),
                        read.promptId(), read.closesAt(), read.timeZone(), CHECKIN_REMINDER.equals(type));
            }
            for (Map.Entry<Class<? extends OutboxPayload>, String> known : TYPES.entrySet()) {
                if (known.getValue().equals(type)) {
                    return JSON.readValue(body, known.getKey());
                }
            }
            Class<? extends OutboxPayload> registered = REGISTERED.get(type);
            if (registered != null) {
                return JSON.readValue(body, registered);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable payload " + type, e);
        }
        throw new IllegalArgumentException("Unknown payload type " + type);
    }
}
