// Reads the bridge's board symbols every way ads-client offers (STRUCT by name, members and array
// elements by path, symbol and type info, handles) and tries the writes a PLC programmer might;
// prints one JSON object with what the client saw (values, metadata, error codes).
// Arguments: host port targetNetId targetPort mode (see peer-common.js).
'use strict';
const { attempt, fail, readSession } = require('./peer-common');

readSession(async (client, r) => {
  r.deviceInfo = await attempt(() => client.readDeviceInfo());
  r.state = await attempt(() => client.readState());

  r.loom = await attempt(async () => (await client.readValue('Loom3')).value);
  r.pump = await attempt(async () => (await client.readValue('Pump1')).value);
  r.drift3 = await attempt(async () => (await client.readValue('Loom3.FeatureDrift[3]')).value);
  r.drifted3 = await attempt(async () => (await client.readValue('Loom3.FeatureDrifted[3]')).value);
  r.driftArray = await attempt(async () => (await client.readValue('Loom3.FeatureDrift')).value);
  r.alarm = await attempt(async () => (await client.readValue('Loom3.DriftAlarm')).value);
  r.samples = await attempt(async () => (await client.readValue('Loom3.Samples')).value);
  r.modelLowerCase = await attempt(async () => (await client.readValue('loom3.modelid')).value);
  r.outOfRange = await attempt(() => client.readValue('Loom3.FeatureDrift[99]'));
  r.symbol = await attempt(() => client.getSymbol('Loom3.AnomalyRate'));
  r.structType = await attempt(async () => {
    const t = await client.getDataType('ST_EdgeBoard');
    return { name: t.name, size: t.size, members: t.subItems.map(s => ({ name: s.name, type: s.type, offset: s.offset, size: s.size })) };
  });

  let released = null;
  r.handle = await attempt(async () => {
    const h = await client.createVariableHandle('Loom3.AnomalyRate');
    const raw = await client.readRawByHandle(h);
    const value = await client.convertFromRaw(raw, 'REAL');
    await client.deleteVariableHandle(h);
    released = h.handle;
    return { handle: h.handle, size: h.size, dataType: h.dataType, value };
  });
  r.releaseAgain = await attempt(() => client.deleteVariableHandle(released));
  r.structByHandle = await attempt(async () => {
    const h = await client.createVariableHandle('Pump1');
    const raw = await client.readRawByHandle(h);
    const value = await client.convertFromRaw(raw, 'ST_EdgeBoard');
    await client.deleteVariableHandle(h);
    return { size: h.size, dataType: h.dataType, value };
  });

  r.writeTelemetry = await attempt(() => client.writeValue('Loom3.DriftAlarm', false));
  r.writePumpAck = await attempt(() => client.writeValue('Pump1.AlarmAck', true));
  r.writeAck = await attempt(() => client.writeValue('Loom3.AlarmAck', true));

  r.symbols = await attempt(async () => Object.keys(await client.getSymbols()).sort());
}).catch(fail);
