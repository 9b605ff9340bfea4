// Subscribes to a board STRUCT and one member (on change), prints every notification as a JSON
// line, and waits for 'quit' on stdin; then unsubscribes and disconnects.
'use strict';
const { Client } = require('ads-client');
const { settings, out, fail, untilQuit } = require('./peer-common');

(async () => {
  const client = new Client(settings());
  await client.connect();
  const metrics = await client.subscribeValue('Board1.Metrics', (data) =>
    out({ event: 'metrics', value: data.value, timestamp: data.timestamp.getTime() }), 10);
  const rate = await client.subscribeValue('Board1.Metrics.AnomalyRate', (data) =>
    out({ event: 'rate', value: data.value, timestamp: data.timestamp.getTime() }), 10);
  out({ event: 'subscribed', handles: [metrics.notificationHandle, rate.notificationHandle] });

  await untilQuit(client);
})().catch(fail);
