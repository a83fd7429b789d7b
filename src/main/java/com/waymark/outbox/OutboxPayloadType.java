package com.waymark.outbox;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * A feature's own payload record and the name its rows carry in {@code outbox_message.kind}: declared as a bean by
 * the module that queues it, so the outbox can read its rows back by type. The name is stored: never change it.
 */
public record OutboxPayloadType(String name, Class<? extends OutboxPayload> type) {

    public OutboxPayloadType {
        if (name == null || !name.matches("[A-Z][A-Z0-9_]{2,40}")) {
            throw new IllegalArgumentException("An outbox type name is upper case, like COHORT_QUESTION: " + name);
        }
        if (!type.isRecord()) {
            throw new IllegalArgumentException("An outbox payload is a record: " + type.getName());
        }
    }

    /** Registers every declared type before anything is queued or read ({@link OutboxService} depends on it). */
    @Component
    static class Registry {

        private final List<OutboxPayloadType> types;

        Registry(List<OutboxPayloadType> types) {
            this.types = List.copyOf(types);
            this.types.forEach(OutboxPayloads::register);
        }

        List<OutboxPayloadType> types() {
            return types;
        }
    }
}
