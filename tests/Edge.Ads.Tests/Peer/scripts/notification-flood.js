// The notification attack of issue 12 as an ordinary ads-client user would write it: COUNT cyclic
// raw subscriptions (10 ms) of SIZE bytes each in group 0x4040, with a MAX_DELAY_MS maximum delay.
// Prints { event: 'subscribed', count }, then { event: 'samples', samples } every 200 ms; on 'quit'
// it unsubscribes everything and disconnects.
// Arguments: host port targetNetId targetPort mode COUNT SIZE MAX_DELAY_MS
'use strict';
const { Client } = require('ads-client');
const { settings, out, fail, untilQuit } = require('./peer-common');

(async () => {
  const [count, size, maxDelay] = process.argv.slice(7).map(Number);
  const client = new Client(settings());
  await client.connect();
  let samples = 0;
  for (let i = 0; i < count; i++)
    await client.subscribeRaw(0x4040, (i * size) % 176, size, () => { samples++; }, 10, false, maxDelay);
  out({ event: 'subscribed', count });
  setInterval(() => out({ event: 'samples', samples }), 200);
  await untilQuit(client);
})().catch(fail);
