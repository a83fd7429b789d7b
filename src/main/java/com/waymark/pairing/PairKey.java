package com.waymark.pairing;

/** Two people, in no particular order: stored lowest id first so a pair has one spelling. */
record PairKey(long low, long high) {

    public PairKey {
        if (low >= high) {
            throw new IllegalArgumentException("a pair needs two different ids, lowest first: " + low + ", " + high);
        }
    }

    public static PairKey of(long a, long b) {
        if (a == b) {
            throw new IllegalArgumentException("a person cannot be paired with themselves: " + a);
        }
        return a < b ? new PairKey(a, b) : new PairKey(b, a);
    }

    public boolean contains(long id) {
        return id == low || id == high;
    }
}
