package com.waymark.teams;

import java.time.Clock;

import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ExpectedReplies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A bot that throws instead of returning a failed future still gets the turn-error apology, not an HTTP 500. */
class TurnErrorTest {

    @Test
    void aSynchronousThrowBecomesTheApology() throws Exception {
        BotSettings settings = new BotSettings(null, null, null, null, 0, 0, null, null, null, null);
        var adapter = new BotFrameworkConfiguration(settings).botFrameworkAdapter(
                new BotMetrics(new SimpleMeterRegistry()), new InboundRateLimiter(settings, Clock.systemUTC()));
        Activity activity = InboundActivityReader.read("""
                {"type":"message","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","text":"hi",
                 "deliveryMode":"expectReplies","locale":"en-GB","from":{"id":"29:a"},"recipient":{"id":"28:b"},
                 "conversation":{"id":"a:1","conversationType":"personal"}}""");

        InvokeResponse response = adapter.process(adapter.authenticate("", activity).join(), activity, turn -> {
            throw new IllegalStateException("thrown, not returned");
        }).join();

        assertThat(response.getStatus()).isEqualTo(200);
        ExpectedReplies replies = (ExpectedReplies) response.getBody();
        assertThat(replies.getActivities()).extracting(Activity::getText)
                .containsExactly(BotFrameworkConfiguration.TURN_ERROR_REPLY);
        assertThat(activity.getLocale()).as("the activity keeps its locale").isEqualTo("en-GB");
    }
}
