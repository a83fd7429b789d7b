// Known failures: screens that are wrong today and being fixed elsewhere. Each entry lets exactly one check of one
// step fail without failing the tour, and says why and which fix removes it. Keep it short, and empty it as fixes
// land: the tour prints an entry that no longer happens, so it can be deleted. Never add an entry to make a new
// problem pass; fix the screen instead.
//   step:  a step id from steps.mjs
//   check: error | playground-error | placeholder | slow | no-reply | expectation | broken (see checks.mjs, tour.mjs)
//   reason: what a person sees
//   fix:   the change that removes it
export const knownFailures = [
];
