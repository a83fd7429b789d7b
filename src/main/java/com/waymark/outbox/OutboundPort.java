package com.waymark.outbox;

/**
 * Where the outbox hands messages over to be sent. The Teams edge implements it (rate limits, the
 * connector, retries' status codes); the schedule module never knows about Teams.
 */
public interface OutboundPort {

    DeliveryResult deliver(OutboundMessage message);
}
