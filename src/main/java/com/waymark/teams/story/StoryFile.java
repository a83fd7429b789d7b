package com.waymark.teams.story;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import com.waymark.programme.Participant;
import com.waymark.story.LearningStory;
import com.waymark.teams.FileMaker;
import org.springframework.stereotype.Component;

/**
 * The learning story as a file in Teams' 1:1 chat: the offer carries only the chosen check-ins' ids (sealed for the
 * person), and the PDF is made from their own data when they choose Allow.
 */
@Component
class StoryFile implements FileMaker {

    static final String KIND = "story";
    static final String DECLINED = "No problem, I haven't saved anything. Say \"my story\" whenever you'd like it.";
    static final String EXPIRED = "That offer is more than a day old, so I haven't made the file. Say \"my story\" "
            + "for a fresh one.";

    private final LearningStory stories;

    StoryFile(LearningStory stories) {
        this.stories = stories;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] make(Participant person, String argument) {
        return stories.pdf(person.getId(), person.getDisplayName(), ZoneId.of(person.getTimeZone()), ids(argument));
    }

    @Override
    public String declined() {
        return DECLINED;
    }

    @Override
    public String expired() {
        return EXPIRED;
    }

    static String argument(List<Long> chosen) {
        return chosen.isEmpty() ? "-" : String.join(",", chosen.stream().map(String::valueOf).toList());
    }

    static List<Long> ids(String argument) {
        if (argument == null || argument.equals("-") || argument.isBlank()) {
            return List.of();
        }
        return Arrays.stream(argument.split(",")).map(Long::valueOf).toList();
    }

    static String fileName(Instant at, ZoneId zone) {
        return "my-learning-story-" + LocalDate.ofInstant(at, zone) + ".pdf";
    }
}
