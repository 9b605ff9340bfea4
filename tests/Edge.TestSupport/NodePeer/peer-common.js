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

module.exports = { settings, out, attempt, fail };
