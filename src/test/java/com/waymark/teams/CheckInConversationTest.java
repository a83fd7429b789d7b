package com.waymark.teams;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.adapters.TestAdapter;
import com.microsoft.bot.builder.adapters.TestFlow;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.waymark.support.CardSchema;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The check-in and action conversations, driven through the SDK's own TestAdapter and TestFlow. */
class CheckInConversationTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Bot bot;

    TestAdapter adapter;

    @BeforeEach
    void newPersonInTheirOwnChat() {
        String aad = UUID.randomUUID().toString();
        ConversationReference reference = new ConversationReference();
        reference.setChannelId("msteams");
        reference.setServiceUrl("https://test.example");
        ChannelAccount user = new ChannelAccount("29:" + aad, "Jo Evans");
        user.setAadObjectId(aad);
        reference.setUser(user);
        reference.setBot(new ChannelAccount("28:waymark", "Waymark"));
        ConversationAccount conversation = new ConversationAccount(false, "a:" + aad, "a:" + aad);
        conversation.setConversationType("personal");
        conversation.setTenantId("tenant-1");
        reference.setConversation(conversation);
        adapter = new TestAdapter(reference);
    }

    @Test
    void consentThenCheckInThroughTheCardThenTrend() {
        new TestFlow(adapter, bot::onTurn)
                .send("check in")
                .assertReply(reply -> assertThat(card(reply).toString()).contains("Welcome to Waymark"))
                .send(submit(JSON.createObjectNode().put("action", "consent")))
                .assertReply(reply -> assertThat(reply.getText()).startsWith("Thank you"))
                .send("check in")
                .assertReply(reply -> {
                    JsonNode card = card(reply);
                    assertThat(card.toString()).contains("How is your wellbeing").contains("OK to quote me");
                })
                .send(submit(JSON.createObjectNode().put("action", "checkin").put("wellbeing", "2")
                        .put("energy", "1").put("reflection", "Winter pressures are relentless").put("quoteOk", "false")))
                .assertReply(reply -> assertThat(card(reply).toString()).contains("Saved")
                        .contains("never quoted to your coach"))
                .send("4 3")
                .assertReply(reply -> assertThat(card(reply).toString()).contains("Saved"))
                .send("my trend")
                .assertReply(reply -> assertThat(card(reply).toString()).contains("2 → 4").contains("1 → 3")
                        .contains("up"))
                .startTest().join();
    }

    @Test
    void actionPlanConversation() {
        new TestFlow(adapter, bot::onTurn)
                .send(submit(JSON.createObjectNode().put("action", "consent")))
                .assertReply(reply -> assertThat(reply.getText()).startsWith("Thank you"))
                .send("my actions")
                .assertReply(reply -> assertThat(card(reply).toString()).contains("no actions yet"))
                .send("add action Walk the floor with the night team")
                .assertReply(reply -> assertThat(reply.getText()).contains("number 1"))
                .send("add: Block 30 minutes of thinking time on Fridays")
                .assertReply(reply -> assertThat(reply.getText()).contains("number 2"))
                .send("done #2")
                .assertReply(reply -> assertThat(reply.getText()).contains("Block 30 minutes").contains("1 still open"))
                .send(submit(JSON.createObjectNode().put("action", "showActions")))
                .assertReply(reply -> assertThat(card(reply).toString()).contains("Open").contains("✓ 2."))
                .startTest().join();
    }

    private Activity submit(JsonNode value) {
        Activity activity = adapter.makeActivity();
        activity.setType(ActivityTypes.MESSAGE);
        activity.setValue(value);
        return activity;
    }

    private static JsonNode card(Activity reply) {
        assertThat(reply.getAttachments()).as("reply with a card: %s", reply.getText()).isNotEmpty();
        JsonNode card = JSON.valueToTree(reply.getAttachments().get(0).getContent());
        CardSchema.assertValid(card);
        return card;
    }
}
