// Subscribes (on change) to every path given after the connection settings, prints each
// notification as a JSON line { event: <path>, value, timestamp } (the path as event name keeps
// the streams apart for NodeScript.ReadEventAsync), and waits for 'quit' on stdin; then
// unsubscribes and disconnects.
// Arguments: host port targetNetId targetPort mode path [path ...]
'use strict';
const readline = require('readline');
const { Client } = require('ads-client');
const { settings, out, fail } = require('./peer-common');

(async () => {
  const paths = process.argv.slice(7);
  const client = new Client(settings());
  await client.connect();
  for (const path of paths) {
    await client.subscribeValue(path, (data) =>
      out({ event: path, value: data.value, timestamp: data.timestamp.getTime() }), 10);
  }
  out({ event: 'subscribed', paths });

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
