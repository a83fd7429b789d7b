package com.waymark.evaluation;

import com.waymark.outbox.OutboxPayloadType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The messages this module queues, registered under the names their rows carry (stored: never change them). */
@Configuration
class EvaluationPayloads {

    @Bean
    OutboxPayloadType evaluationInviteType() {
        return new OutboxPayloadType("EVALUATION_INVITE", EvaluationInvite.class);
    }

    @Bean
    OutboxPayloadType outcomeInviteType() {
        return new OutboxPayloadType("OUTCOME_INVITE", OutcomeInvite.class);
    }
}
