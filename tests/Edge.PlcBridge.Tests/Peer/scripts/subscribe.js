// Subscribes (on change) to every path given after the connection settings, prints each
// notification as a JSON line { event: <path>, value, timestamp } (the path as event name keeps
// the streams apart for NodeScript.ReadEventAsync), and waits for 'quit' on stdin; then
// unsubscribes and disconnects.
// Arguments: host port targetNetId targetPort mode path [path ...]
'use strict';
const { Client } = require('ads-client');
const { settings, out, fail, untilQuit } = require('./peer-common');

(async () => {
  const paths = process.argv.slice(7);
  const client = new Client(settings());
  await client.connect();
  for (const path of paths) {
    await client.subscribeValue(path, (data) =>
      out({ event: path, value: data.value, timestamp: data.timestamp.getTime() }), 10);
  }
  out({ event: 'subscribed', paths });

  await untilQuit(client);
})().catch(fail);
