package com.waymark.checkin;

import java.time.Instant;
import java.util.List;

import com.waymark.privacy.PersonalDataHolder;
import com.waymark.privacy.ProgrammeDataHolder;
import org.springframework.stereotype.Component;

/**
 * Every check-in the person answered, with the question they reflected on and what they wrote. A programme's
 * check-ins (ratings and reflections, and with them their embeddings) go once its retention has passed; check-ins
 * that counted for no programme are the person's own and stay until they erase them.
 */
@Component
class CheckInData implements PersonalDataHolder, ProgrammeDataHolder {

    record Answer(Instant submittedAt, int wellbeing, int energy, String question, String reflection,
                  boolean okToQuote, CheckInSubmission.Source answeredBy) {
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

    @Override
    public int eraseProgrammeData(long programmeId) {
        return checkIns.deleteByProgramme(programmeId);
    }
}
