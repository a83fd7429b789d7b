package com.waymark.teams;

import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.outbox.OutboxPayload;

/**
 * How the edge words one outbox payload type: the slice that owns a feature also words the messages its module
 * queues. {@link OutboundRenderer} picks the wording by the payload's class; an empty list sends nothing (the
 * message no longer applies when it is due). A payload type without a wording fails the start-up check.
 *
 * @param <P> the payload record
 */
public interface MessageWording<P extends OutboxPayload> {

    Class<P> payloadType();

    /** {@code recipientId}: the participant it goes to. Read what it needs now: the message is worded when sent. */
    List<Activity> render(long recipientId, P payload);
}
