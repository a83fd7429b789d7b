package com.waymark.cycle;

/**
 * The one-minute after-session pulse: three items from 1 (not at all) to 5 (completely), and an optional word.
 *
 * @param saidWhatIThought     "I could say what I really thought" (psychological safety)
 * @param workedOnWhatMattered "We worked on what mattered most"
 * @param leaveWithSomething   "I leave with something I will try"
 * @param word                 their own word on the session, or null
 */
public record Pulse(int saidWhatIThought, int workedOnWhatMattered, int leaveWithSomething, String word) {
}
