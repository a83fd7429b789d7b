package com.waymark.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The delivery of queued messages ({@code waymark.outbox.*}).
 *
 * @param nodeId this instance's name on the rows it leases (default: the host name and the port), so that on
 *               start-up it takes back only what it had leased itself
 * @param threads messages sent at once by this instance
 * @param pollMs how long the delivery worker waits between looks at an empty queue, in milliseconds
 * @param leaseSeconds how long a claimed message stays this instance's before another may send it (an instance
 *                     that died gives its messages back this way)
 */
@ConfigurationProperties("waymark.outbox")
public record OutboxSettings(String nodeId, @DefaultValue("8") int threads, @DefaultValue("500") long pollMs,
                             @DefaultValue("60") long leaseSeconds) {
}
