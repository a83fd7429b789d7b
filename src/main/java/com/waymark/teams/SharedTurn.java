package com.waymark.teams;

import com.microsoft.bot.builder.TurnContext;
import com.waymark.programme.Participant;

/**
 * Who a slice is answering in a team or group chat: the person Teams identified (recognised, with no 1:1 chat stored
 * from here), and the turn, for reading the chat's members. Nothing said here is stored or echoed.
 */
public record SharedTurn(TurnContext context, Participant participant) {

    public long participantId() {
        return participant.getId();
    }
}
