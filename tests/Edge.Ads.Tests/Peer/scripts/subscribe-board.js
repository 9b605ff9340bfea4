// Subscribes to a board STRUCT and one member (on change), prints every notification as a JSON
// line, and waits for 'quit' on stdin; then unsubscribes and disconnects.
'use strict';
const readline = require('readline');
const { Client } = require('ads-client');
const { settings, out, fail } = require('./peer-common');

(async () => {
  const client = new Client(settings());
  await client.connect();
  const metrics = await client.subscribeValue('Board1.Metrics', (data) =>
    out({ event: 'metrics', value: data.value, timestamp: data.timestamp.getTime() }), 10);
  const rate = await client.subscribeValue('Board1.Metrics.AnomalyRate', (data) =>
    out({ event: 'rate', value: data.value, timestamp: data.timestamp.getTime() }), 10);
  out({ event: 'subscribed', handles: [metrics.notificationHandle, rate.notificationHandle] });

  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === 'quit')
      break;
  }
  await client.unsubscribeAll();
  await client.disconnect();
  out({ event: 'done' });
  lines.close();
  process.exit(0); // stdin stays open: end here rather than wait for the parent
})().catch(fail);
