package com.waymark.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;

/** What a slice answers with: a card, or a line of text (made plain, so nothing a person typed is read as markup). */
public final class Reply {

    private Reply() {
    }

    public static Activity card(AdaptiveCard card) {
        return MessageFactory.attachment(card.toAttachment());
    }

    /** Text the bot wrote itself (it may use Teams markdown); wrap anything a person typed in {@link PlainText#of}. */
    public static Activity text(String text) {
        return MessageFactory.text(text);
    }
}
