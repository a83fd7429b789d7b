package com.waymark.diagnostic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The diagnostic before the first session ({@code waymark.diagnostic.*}).
 *
 * @param atEnrolment whether each new member (who has agreed to the privacy notice) is offered the diagnostic's
 *                    questions when they join a programme; off: no diagnostic is offered to anyone
 */
@ConfigurationProperties("waymark.diagnostic")
record DiagnosticSettings(@DefaultValue("true") boolean atEnrolment) {
}
