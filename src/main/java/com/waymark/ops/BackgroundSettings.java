package com.waymark.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Background work that yields to people talking to the bot ({@code waymark.background.*}).
 *
 * @param quietMillis how long with no turn in flight counts as quiet, in milliseconds: background work (embedding
 *                    reflections) runs at full speed only then
 */
@ConfigurationProperties("waymark.background")
public record BackgroundSettings(@DefaultValue("200") long quietMillis) {
}
