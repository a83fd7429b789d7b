package com.waymark.pairing;

/** Where a person stands in a round: put with someone, left unplaced, stepped out, or left alone by a partner. */
public enum PlaceInRound { PAIRED, UNMATCHED, WITHDRAWN, ALONE }
