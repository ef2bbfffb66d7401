// Asks from one part of the window to the part that owns the action: the N shortcut and the
// dashboard ask the Plans screen for a new plan; the Wins screen asks the shell for the
// quick-capture dialog that the W key opens (and the C key's conversation dialog likewise).

export const asks = $state({
  /** A flag the Plans screen takes, on mount or while it is showing. */
  newPlan: false,
  /** Counts up on each ask, so the shell notices a second one. */
  logWin: 0,
  /** Counts up on each ask for the conversation dialog, as `logWin` does. */
  logConversation: 0,
});
