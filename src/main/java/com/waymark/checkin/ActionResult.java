package com.waymark.checkin;

/** Outcomes of action-plan commands, each carrying what the reply needs to say. */
public sealed interface ActionResult {

    record Added(ActionInfo action) implements ActionResult {
    }

    record Completed(ActionInfo action, int stillOpen) implements ActionResult {
    }

    record AlreadyDone(ActionInfo action) implements ActionResult {
    }

    record Blocked(ActionInfo action) implements ActionResult {
    }

    record NotFound(int number) implements ActionResult {
    }

    /** Nothing was stored; the sentence says why. */
    record Rejected(String problem) implements ActionResult {
    }
}
