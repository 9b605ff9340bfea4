// Records the AMS header of every request ads-client sends and of every frame it receives, as
// ads-client itself encodes and decodes them, while using each ADS command once; prints
// { event: 'result', sent: [...], received: [...] } for the test to compare field by field.
'use strict';
const { Client } = require('ads-client');
const { settings, out, attempt, fail } = require('./peer-common');

(async () => {
  const client = new Client(settings());
  const sent = [], received = [];
  const address = a => `${a.amsNetId}:${a.adsPort}`;
  const encode = client.createAmsTcpRequest.bind(client);
  client.createAmsTcpRequest = (packet) => {
    const a = packet.ams;
    if (a.adsCommand !== undefined)
      sent.push({ adsCommand: a.adsCommand, stateFlags: a.stateFlags, invokeId: a.invokeId, target: address(a.targetAmsAddress), source: address(a.sourceAmsAddress) });
    return encode(packet);
  };
  const decode = client.parseAmsHeader.bind(client);
  client.parseAmsHeader = (data) => {
    const parsed = decode(data);
    const a = parsed.ams;
    if (a.adsCommand !== undefined)
      received.push({ adsCommand: a.adsCommand, stateFlags: a.stateFlags, invokeId: a.invokeId, target: address(a.targetAmsAddress), source: address(a.sourceAmsAddress),
        dataLength: a.dataLength, bytesAfterHeader: parsed.data.byteLength, errorCode: a.errorCode });
    return parsed;
  };

  const r = { event: 'result' };
  r.connect = await attempt(() => client.connect());
  r.deviceInfo = await attempt(() => client.readDeviceInfo());
  r.state = await attempt(() => client.readState());
  r.read = await attempt(async () => [...await client.readRaw(0x4040, 0, 4)]);
  r.write = await attempt(() => client.writeValue('Board1.Metrics.AlarmAck', true));
  r.readWrite = await attempt(async () => (await client.createVariableHandle('Board1.Id')).handle);
  r.control = await attempt(() => client.writeControl(5, 0));
  r.notified = await attempt(() => new Promise((resolve, reject) => {
    client.subscribeValue('Board1.Metrics.AnomalyRate', async (data, subscription) => {
      try { await subscription.unsubscribe(); resolve(data.value); } catch (e) { reject(e); }
    }, 10).catch(reject);
  }));
  r.disconnect = await attempt(() => client.disconnect());
  r.sent = sent;
  r.received = received;
  out(r);
})().catch(fail);
