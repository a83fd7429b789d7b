package com.waymark.teams.story;

import java.util.List;

import com.waymark.teams.Command;

/** "my story", and the card's "Make my story" with the reflections chosen on it (their check-ins' ids, as sent). */
sealed interface StoryCommand extends Command {

    record Choose() implements StoryCommand {
    }

    record Make(List<String> chosen) implements StoryCommand {
    }
}
