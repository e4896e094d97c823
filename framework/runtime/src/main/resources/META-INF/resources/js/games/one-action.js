// One action at a time for a game's table component: its buttons stay disabled from the click until the
// frame that includes the action arrives (or the server refuses it; the shell shows the sentence).

/**
 * const turn = oneAction(ui, () => frame, (force) => draw(force));
 * turn.pending       — true while an action is on its way
 * turn.act(action)   — sends it through the shell
 * turn.seen(frame)   — call on every new frame
 */
export function oneAction(ui, currentFrame, redraw) {
  let pending = false;
  let settledAt = null;
  return {
    get pending() {
      return pending;
    },
    async act(action) {
      pending = true;
      redraw(true);
      try {
        const { version } = await ui.act(action);
        if (currentFrame().room.version >= version) pending = false;
        else settledAt = version;
      } catch {
        pending = false; // The shell has shown the server's sentence.
      }
      redraw(true);
    },
    seen(frame) {
      if (settledAt !== null && frame.room.version >= settledAt) {
        pending = false;
        settledAt = null;
      }
    },
  };
}
