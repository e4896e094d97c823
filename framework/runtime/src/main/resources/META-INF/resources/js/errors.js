// Errors as sentences for people. The server's errors already carry one (error.message); codes the
// browser makes up itself (client/*, close/*, http/*) and plain network failures get ours.

const CLIENT_SENTENCES = {
  'client/offline': 'You are offline for a moment; the page reconnects by itself. Try again in a few seconds.',
  'client/timeout': 'The server did not answer in time. Your move may not have arrived; look at the table and try again.',
  'close/4401': 'You are no longer a member of this room (you left or were removed).',
  'close/4404': 'This room no longer exists.',
  'http/404': 'There is nothing at that address.',
  'http/500': 'The server had a problem. Try again in a moment.',
  'http/502': 'The server cannot be reached right now.',
  'http/503': 'The server is busy or restarting. Try again in a moment.',
};

/** The sentence to show for any thrown value. */
export function sentence(error) {
  if (!error) return 'Something went wrong.';
  const code = error.code ?? '';
  if (CLIENT_SENTENCES[code]) return CLIENT_SENTENCES[code];
  if (code.startsWith('http/')) return `The server answered with an error (${code.slice(5)}).`;
  if (error instanceof TypeError) return 'Cannot reach the server. Check your connection and try again.';
  return error.message || 'Something went wrong.';
}

/** A polite, self-clearing notice area (role=alert) for errors and short confirmations. */
export function notices(region) {
  let timer;
  const show = (text, kind) => {
    clearTimeout(timer);
    region.textContent = text;
    region.dataset.kind = kind;
    region.hidden = false;
    timer = setTimeout(() => {
      region.hidden = true;
      region.textContent = '';
    }, kind === 'error' ? 9000 : 4000);
  };
  return {
    error: (error) => show(sentence(error), 'error'),
    info: (text) => show(text, 'info'),
    clear: () => {
      clearTimeout(timer);
      region.hidden = true;
      region.textContent = '';
    },
  };
}
