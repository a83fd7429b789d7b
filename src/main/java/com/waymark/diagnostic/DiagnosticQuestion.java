package com.waymark.diagnostic;

import com.waymark.outbox.OutboxPayload;
import com.waymark.outbox.OutboxPayloadType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox message that asks one diagnostic question: ids only, worded by the edge when sent, and sent only if it
 * is still the question they are on. On the person's own clock: it is their own coaching, so quiet hours apply.
 */
public record DiagnosticQuestion(long diagnosticId, long programmeId, int position) implements OutboxPayload {

    @Override
    public boolean onRecipientsClock() {
        return true;
    }

    /** Its stored name in {@code outbox_message.kind}: never change it. */
    @Configuration(proxyBeanMethods = false)
    static class Type {

        @Bean
        OutboxPayloadType diagnosticQuestionType() {
            return new OutboxPayloadType("DIAGNOSTIC_QUESTION", DiagnosticQuestion.class);
        }
    }
}
