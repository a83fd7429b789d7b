/**
 * Peer-coaching pairing: who meets whom each round of a programme. The engine ({@link
 * com.waymark.pairing.PairingEngine} and the records it takes and gives) is pure and deterministic, with no
 * Spring, persistence or Teams types, so the caller decides where the inputs come from and what to do with a round.
 *
 * <p>Around it, the module's Spring side: a coach's {@link com.waymark.pairing.PairingPlan}, the rounds run from it
 * by {@link com.waymark.pairing.PairingRounds} (a Quartz tick, or "pair now") with their groups, opt-outs, forbidden
 * pairs and follow-ups (V20), {@link com.waymark.pairing.PeerCoachingParticipation} for participants,
 * {@link com.waymark.pairing.PeerCoachingService} for coaches (its summary through the programme's confidentiality
 * policy, each read audited), and the data rights over all of it. Messages go through the schedule module's outbox.
 *
 * <p>Use: build a {@link com.waymark.pairing.PairingRequest} from the participants active this round (the
 * paused, those on leave and those who opted out are simply not passed in), the programme's
 * {@link com.waymark.pairing.PairingMode}, the round's index, the rounds planned and a seed; pass the coach's
 * {@link com.waymark.pairing.PairingRules} and the {@link com.waymark.pairing.PairingHistory} of earlier
 * rounds to {@link com.waymark.pairing.PairingEngine#pair}; store the {@link com.waymark.pairing.Round} and
 * fold it into the history ({@link com.waymark.pairing.PairingHistory#withRound}) for the next one.
 *
 * <p>Guarantees: the rules are never broken; everyone passed in is in exactly one group of two or three
 * or listed as unmatched with a reason; without rules an odd round has exactly one trio and an even one
 * none; repeats are as few as the engine can find (at the {@link com.waymark.pairing.RepeatFloor} in every
 * case measured), and among equally fresh rounds the mode is fitted as well as possible.
 */
package com.waymark.pairing;
