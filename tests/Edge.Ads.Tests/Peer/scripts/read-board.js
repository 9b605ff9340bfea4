// Connects the way a user of ads-client would, reads the board symbols every documented way,
// and prints one JSON object with what the client saw (values, metadata, error codes).
'use strict';
const { attempt, fail, readSession } = require('./peer-common');

readSession(async (client, r) => {
  r.deviceInfo = await attempt(() => client.readDeviceInfo());
  r.state = await attempt(() => client.readState());
  r.tcSystemState = await attempt(() => client.readTcSystemState());
  r.uploadInfo = client.metaData.plcUploadInfo;
  r.symbolVersion = client.metaData.plcSymbolVersion;

  r.board = await attempt(async () => (await client.readValue('Board1')).value);
  r.board2Metrics = await attempt(async () => (await client.readValue('Board2.Metrics')).value);
  r.drift3 = await attempt(async () => (await client.readValue('Board1.Metrics.FeatureDrift[3]')).value);
  r.driftArray = await attempt(async () => (await client.readValue('Board1.Metrics.FeatureDrift')).value);
  r.alarmLowerCase = await attempt(async () => (await client.readValue('board1.metrics.alarm')).value);
  r.model = await attempt(async () => (await client.readValue('Board1.Metrics.Model')).value);
  r.temperatures = await attempt(async () => (await client.readValue('GVL.Temperatures')).value);
  r.temperature2 = await attempt(async () => (await client.readValue('GVL.Temperatures[2]')).value);
  r.symbol = await attempt(() => client.getSymbol('Board1.Metrics.DriftScore'));

  let released = null;
  r.handle = await attempt(async () => {
    const h = await client.createVariableHandle('Board1.Metrics.Inferences');
    const raw = await client.readRawByHandle(h);
    const value = await client.convertFromRaw(raw, 'UDINT');
    await client.deleteVariableHandle(h);
    released = h.handle;
    return { handle: h.handle, size: h.size, dataType: h.dataType, value };
  });
  r.releaseAgain = await attempt(() => client.deleteVariableHandle(released));
  r.handlesMulti = await attempt(async () => {
    const results = await client.createVariableHandleMulti(['Board1.Id', 'Board1.NoSuchMember']);
    const made = results.filter(x => x.success).map(x => x.handle);
    const deleted = await client.deleteVariableHandleMulti(made);
    return {
      created: results.map(x => ({ success: x.success, errorCode: x.errorCode, size: x.handle ? x.handle.size : null, dataType: x.handle ? x.handle.dataType : null })),
      deleted: deleted.map(x => x.errorCode),
    };
  });

  r.rawByPath = await attempt(async () => (await client.readRawByPath('Board2.Metrics.AnomalyRate')).readFloatLE(0));
  r.multi = await attempt(async () => (await client.readRawMulti([
    { indexGroup: 0x4040, indexOffset: 0, size: 4 },
    { indexGroup: 0x4040, indexOffset: 0x7fff0000, size: 4 },
    { indexGroup: 0x1234, indexOffset: 0, size: 2 },
  ])).map(x => ({ errorCode: x.errorCode, value: x.value ? [...x.value] : null })));

  r.missing = await attempt(() => client.readValue('Board1.NoSuchMember'));
  r.missingSymbol = await attempt(() => client.readValue('Board9'));
  r.writeReadOnly = await attempt(() => client.writeValue('Board1.Metrics.Alarm', true));
  r.writeAck = await attempt(async () => {
    await client.writeValue('Board1.Metrics.AlarmAck', true);
    return (await client.readValue('Board1.Metrics.AlarmAck')).value;
  });

  r.symbols = await attempt(async () => Object.keys(await client.getSymbols()).sort());
  r.dataTypes = await attempt(async () => Object.keys(await client.getDataTypes()).sort());
}).catch(fail);
