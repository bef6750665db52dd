// Work after ack() waits its turn. Node runs a listener's code after `await ack()` straight on,
// before it reads the next request from the network; under load (many commands at once, each
// with a few milliseconds of queries, card building and the response_url post) the acks of
// the requests that arrived meanwhile queue behind that work, and Slack gives each one only 3
// seconds. `await afterAck()` parks the work and resumes ONE parked listener per turn of the
// event loop, after Node has polled the network, so every request already waiting is read and
// acknowledged first. The answer after ack may come a little later; it has 30 minutes.
const parked: (() => void)[] = [];
let scheduled = false;

function resumeOne(): void {
  parked.shift()?.();
  // The next one only in the next turn: setImmediate callbacks queued now run after the poll phase.
  if (parked.length > 0) setImmediate(resumeOne);
  else scheduled = false;
}

export function afterAck(): Promise<void> {
  return new Promise((resolve) => {
    parked.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(resumeOne);
    }
  });
}
