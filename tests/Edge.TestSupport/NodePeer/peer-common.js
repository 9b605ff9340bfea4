// Shared by the peer scripts: settings from the command line, JSON output, error capture.
// Arguments: host port targetNetId targetPort mode ('direct': fixed local address, no port
// registration; 'router': the client asks the server for an AMS port with AMS/TCP 0x1000).
'use strict';

function settings() {
  const [host, port, targetNetId, targetPort, mode] = process.argv.slice(2);
  const s = {
    routerAddress: host,
    routerTcpPort: Number(port),
    targetAmsNetId: targetNetId,
    targetAdsPort: Number(targetPort),
    timeoutDelay: 4000,
    autoReconnect: false,
    hideConsoleWarnings: true,
  };
  if (mode === 'direct') {
    s.localAmsNetId = '10.0.0.77.1.1';
    s.localAdsPort = 32750;
  }
  return s;
}

// One JSON object per line; BigInt (LINT, ULINT) as strings, buffers as byte arrays.
function out(value) {
  process.stdout.write(JSON.stringify(value, (_, v) =>
    typeof v === 'bigint' ? v.toString() : v) + '\n');
}

// Runs a step; a failure becomes { error, errorCode } with the ADS code the client saw.
async function attempt(step) {
  try {
    const value = await step();
    return { value: value === undefined ? null : value };
  } catch (e) {
    return { error: String(e && e.message || e), errorCode: e && e.adsError ? e.adsError.errorCode : null };
  }
}

function fail(e) {
  out({ event: 'error', message: String(e && e.stack || e) });
  process.exit(1);
}

// Connects as a user of ads-client would, lets `steps(client, r)` fill the result object, always
// disconnects, and prints { event: 'result', connect, ..., disconnect } as one JSON line.
async function readSession(steps) {
  const { Client } = require('ads-client');
  const client = new Client(settings());
  const r = { event: 'result' };
  r.connect = await attempt(async () => {
    const c = await client.connect();
    return { localAmsNetId: c.localAmsNetId, localAdsPort: c.localAdsPort, targetAmsNetId: c.targetAmsNetId };
  });
  if (!r.connect.error) {
    try {
      await steps(client, r);
    } finally {
      r.disconnect = await attempt(() => client.disconnect());
    }
  }
  out(r);
}

// Waits for a line 'quit' on stdin, then unsubscribes, disconnects, prints { event: 'done' } and
// ends the process (stdin stays open, so the script would otherwise wait for the parent).
async function untilQuit(client) {
  const readline = require('readline');
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === 'quit')
      break;
  }
  await client.unsubscribeAll();
  await client.disconnect();
  out({ event: 'done' });
  lines.close();
  process.exit(0);
}

module.exports = { settings, out, attempt, fail, readSession, untilQuit };
