package com.waymark.cycle;

import com.waymark.outbox.OutboxPayloadType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cycle's outbox message type. Its stored name is in rows: never change it. */
@Configuration(proxyBeanMethods = false)
class CycleConfiguration {

    @Bean
    OutboxPayloadType afterSessionType() {
        return new OutboxPayloadType("AFTER_SESSION", AfterSession.class);
    }

    @Bean
    OutboxPayloadType commitmentFollowUpType() {
        return new OutboxPayloadType("COMMITMENT_FOLLOW_UP", CommitmentFollowUp.class);
    }
}
