package com.waymark.teams;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports unusable Bot Framework credentials as what is wrong and what to do (see {@code META-INF/spring.factories}). */
public class BotCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<BotCredentialsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BotCredentialsException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
