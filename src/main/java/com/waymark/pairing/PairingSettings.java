package com.waymark.pairing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Peer coaching's clockwork ({@code waymark.pairing.*}).
 *
 * @param tickMinutes how often the Quartz job looks for due peer-coaching rounds and follow-ups
 */
@ConfigurationProperties("waymark.pairing")
record PairingSettings(@DefaultValue("5") int tickMinutes) {
}
