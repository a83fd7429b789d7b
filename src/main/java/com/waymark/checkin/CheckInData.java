package com.waymark.checkin;

import java.time.Instant;
import java.util.List;

import com.waymark.privacy.PersonalDataHolder;
import org.springframework.stereotype.Component;

/** Every check-in the person answered, with the question they reflected on and what they wrote. */
@Component
class CheckInData implements PersonalDataHolder {

    record Answer(Instant submittedAt, int wellbeing, int energy, String question, String reflection,
                  boolean okToQuote, CheckIn.Source answeredBy) {
    }

    private final CheckInRepository checkIns;
    private final PromptLibrary prompts;

    CheckInData(CheckInRepository checkIns, PromptLibrary prompts) {
        this.checkIns = checkIns;
        this.prompts = prompts;
    }

    @Override
    public String name() {
        return "checkIns";
    }

    @Override
    public List<Answer> export(long participantId) {
        return checkIns.findByParticipantIdOrderBySubmittedAtAsc(participantId).stream()
                .map(c -> new Answer(c.getSubmittedAt(), c.getWellbeing(), c.getEnergy(),
                        prompts.find(c.getPromptId()).map(Prompt::text).orElse(null), c.getReflection(),
                        c.isQuoteOk(), c.getSource()))
                .toList();
    }

    @Override
    public int erase(long participantId) {
        return checkIns.deleteByParticipant(participantId);
    }
}
