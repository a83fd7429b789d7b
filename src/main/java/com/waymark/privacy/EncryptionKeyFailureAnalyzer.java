package com.waymark.privacy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A missing or unusable encryption key is reported as what is wrong and what to do, not as a stack trace through
 * Flyway, Hibernate and every bean that needs the key (registered in {@code META-INF/spring.factories}).
 */
public class EncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<EncryptionKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EncryptionKeyException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
