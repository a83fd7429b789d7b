package com.waymark.teams;

import com.waymark.programme.Participant;

/**
 * Who a slice is answering, in their 1:1 chat: the person Teams identified (recognised and stored before the slice
 * runs), and whether this chat can take a file (a file consent card, {@link FileOffers}).
 */
public record Turn(Participant participant, boolean canOfferFiles) {

    public long participantId() {
        return participant.getId();
    }
}
