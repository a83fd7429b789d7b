package com.waymark.teams;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.microsoft.bot.schema.Activity;
import com.waymark.outbox.OutboundMessage;
import com.waymark.outbox.OutboxPayload;
import com.waymark.outbox.OutboxPayloadType;
import org.springframework.stereotype.Component;

/**
 * Turns an outbox message into what Teams shows, through the {@link MessageWording} of its payload's type: each lives
 * with the slice whose feature queues it. Every message names the programme it is about.
 */
@Component
class OutboundRenderer {

    private final Map<Class<?>, MessageWording<?>> wordings;

    OutboundRenderer(List<MessageWording<?>> wordings, List<OutboxPayloadType> types) {
        this.wordings = wordings.stream().collect(Collectors.toMap(MessageWording::payloadType, w -> w));
        // Caught at start-up, not when the first such message is due and would fail to send: the records the outbox
        // declares itself and every type a feature's module registered.
        Stream.concat(Arrays.stream(OutboxPayload.class.getDeclaredClasses())
                                .filter(type -> type.isRecord() && OutboxPayload.class.isAssignableFrom(type)),
                        types.stream().map(OutboxPayloadType::type))
                .filter(type -> !this.wordings.containsKey(type)).findFirst().ifPresent(type -> {
                    throw new IllegalStateException(String.format("No MessageWording for outbox payload %s", type.getName()));
                });
    }

    List<Activity> render(OutboundMessage message) {
        if (message.payload() == null) {
            throw new IllegalArgumentException("Unreadable payload");
        }
        MessageWording<?> wording = wordings.get(message.payload().getClass());
        if (wording == null) {
            throw new IllegalArgumentException("No wording for " + message.payload().getClass().getSimpleName());
        }
        return word(wording, message.participantId(), message.payload());
    }

    private static <P extends OutboxPayload> List<Activity> word(MessageWording<P> wording, long recipient,
                                                                 OutboxPayload payload) {
        return wording.render(recipient, wording.payloadType().cast(payload));
    }
}
