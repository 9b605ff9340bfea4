using System;
using Edge.Device.Codec;
using Edge.Device.Drift;
using Edge.Device.Inference;
using Edge.Device.Link;
using Edge.Device.Model;

namespace Edge.Device.Board
{
    /// <summary>
    /// The board's main loop, against small interfaces (transport, clock, trigger pin, store):
    /// <see cref="Poll"/> reads what the link received, answers each request (remembering the
    /// answers to state-changing ones, so a resent request is not run twice), runs rows through
    /// the model and the drift monitor, and sends telemetry when due. Everything is sized at start
    /// or when a model loads; commands and rows allocate nothing on the way.
    /// Protocol: firmware/docs/link-protocol.md.
    /// </summary>
    public sealed class BoardRuntime
    {
        private readonly BoardConfig _config;
        private readonly ITransport _transport;
        private readonly IClock _clock;
        private readonly IModelStore _store;
        private readonly IMemoryGauge _memory;
        private readonly FrameEncoder _encoder = new FrameEncoder();
        private readonly byte[] _receive = new byte[512];
        private readonly UploadSession _upload;
        private readonly float[] _rowFloats;
        private readonly int[] _rowBits;
        private readonly long _startMicros;
        private float[] _vectors = new float[0];
        private int[] _vectorBits = new int[0];
        private int _vectorLength;
        private int _statusIntervalMs;
        private bool _sendWindows;
        private long _lastStatusMicros;
        private bool _windowPending;
        private bool _profileFromModel;
        private ISampleSource _source;

        public BoardRuntime(BoardConfig config, ITransport transport, IClock clock, ITriggerPin pin, IModelStore store, IMemoryGauge memory)
        {
            _config = config;
            _transport = transport;
            _clock = clock;
            _store = store;
            _memory = memory;
            Decoder = new FrameDecoder();
            Cache = new ResponseCache(config.ResponseCacheSlots, LinkFrame.MaxEncoded);
            Rows = new RowPipeline(clock, pin);
            _upload = new UploadSession(config.StagingCapacity, store);
            _rowFloats = new float[config.MaxRowWidth];
            _rowBits = new int[config.MaxRowWidth];
            _statusIntervalMs = config.StatusIntervalMs;
            _startMicros = clock.Microseconds;
        }

        public FrameDecoder Decoder { get; private set; }

        public ResponseCache Cache { get; private set; }

        public RowPipeline Rows { get; private set; }

        /// <summary>The running model's 8-byte id, or null.</summary>
        public byte[] ModelId { get { return Rows.Interpreter == null ? null : Rows.Interpreter.Model.Id; } }

        public long UptimeMilliseconds { get { return (_clock.Microseconds - _startMicros) / 1000; } }

        public int FreeMemory { get { return _memory == null ? 0 : _memory.FreeBytes(); } }

        /// <summary>Samples the board takes itself; each poll takes what the source has ready (up to a few).</summary>
        public ISampleSource SampleSource
        {
            get { return _source; }
            set { _source = value; }
        }

        /// <summary>The last message from loading the committed files at start ("" when fine).</summary>
        public string StartupMessage = "";

        /// <summary>Loads the last committed model and profile from the store: a restarted board runs its last good model.</summary>
        public void Start()
        {
            if (_store == null) return;
            byte[] model = _store.LoadCommitted(UploadKind.Model);
            if (model != null && Load(UploadKind.Model, model, model.Length) != null) StartupMessage = "stored model did not load";
            byte[] profile = _store.LoadCommitted(UploadKind.DriftProfile);
            if (profile != null && Load(UploadKind.DriftProfile, profile, profile.Length) != null) StartupMessage = "stored drift profile did not load";
        }

        /// <summary>
        /// One turn of the loop: what the link received (until its buffer is drained), requests,
        /// local samples, telemetry. Returns without waiting; the count of bytes and samples taken
        /// tells an idle loop it may sleep.
        /// </summary>
        public int Poll()
        {
            int total = 0;
            int read;
            do
            {
                read = _transport.Read(_receive, 0, _receive.Length);
                for (int i = 0; i < read; i++)
                {
                    if (Decoder.Push(_receive[i])) HandleFrame();
                }
                total += read;
            } while (read == _receive.Length);
            if (_source != null && Rows.RowWidth > 0)
            {
                for (int i = 0; i < SamplesPerPoll && _source.TryRead(_rowFloats, 0); i++)
                {
                    ProcessSample(_rowFloats, 0);
                    total++;
                }
            }
            SendDueTelemetry();
            return total;
        }

        /// <summary>Local samples processed per poll at most, so the link stays responsive under a fast source.</summary>
        public const int SamplesPerPoll = 8;

        /// <summary>A sample from a local source (an ADC feature pipeline), row width as configured.</summary>
        public bool ProcessSample(float[] row, int offset)
        {
            for (int i = 0; i < Rows.RowWidth; i++) _rowBits[i] = FloatBits.ToInt32(row[offset + i]);
            bool window = Rows.Process(row, _rowBits, offset);
            if (window) _windowPending = true;
            return window;
        }

        private void HandleFrame()
        {
            if (Decoder.Type != FrameType.Request) return;
            byte command = Decoder.Command;
            ushort id = Decoder.RequestId;
            bool remember = LinkCommand.ChangesState(command);
            if (remember)
            {
                int slot = Cache.Find(id, command);
                if (slot >= 0)
                {
                    Cache.Hits++;
                    _transport.Write(Cache.Frame(slot), 0, Cache.Length(slot));
                    return;
                }
            }
            int length;
            byte status = Handle(command, out length);
            int wire = _encoder.Finish(FrameType.Response, id, command, status, length);
            _transport.Write(_encoder.Wire, 0, wire);
            if (remember) Cache.Store(id, command, _encoder.Wire, wire);
            if (_windowPending && _sendWindows) SendWindowTelemetry();
            _windowPending = false;
        }

        /// <summary>Runs a request; writes the response payload at LinkFrame.PayloadAt and returns the status.</summary>
        private byte Handle(byte command, out int length)
        {
            length = 0;
            byte[] request = Decoder.Frame;
            int at = LinkFrame.PayloadAt;
            int size = Decoder.PayloadLength;
            byte[] reply = _encoder.Payload;
            int outAt = LinkFrame.PayloadAt;
            switch (command)
            {
                case LinkCommand.Hello: return Hello(request, at, size, reply, outAt, out length);
                case LinkCommand.Status:
                    length = TelemetryWriter.WriteStatus(reply, outAt, this);
                    return LinkStatus.Ok;
                case LinkCommand.UploadBegin: return UploadBegin(request, at, size, reply, outAt, out length);
                case LinkCommand.UploadChunk: return UploadChunk(request, at, size, reply, outAt, out length);
                case LinkCommand.UploadCommit: return UploadCommit(reply, outAt, out length);
                case LinkCommand.UploadStatus:
                    reply[outAt] = _upload.Kind;
                    LittleEndian.WriteInt32(reply, outAt + 1, _upload.Length);
                    LittleEndian.WriteUInt32(reply, outAt + 5, _upload.Crc);
                    LittleEndian.WriteInt32(reply, outAt + 9, _upload.Offset);
                    length = 13;
                    return LinkStatus.Ok;
                case LinkCommand.ConfigureRows: return ConfigureRows(request, at, size, reply, outAt, out length);
                case LinkCommand.Rows: return RowsCommand(request, at, size, reply, outAt, out length);
                case LinkCommand.SetVector: return SetVector(request, at, size);
                case LinkCommand.Infer: return Infer(request, at, size, reply, outAt, out length);
                case LinkCommand.Window: return Window(request, at, size, reply, outAt, out length);
                case LinkCommand.Telemetry:
                    if (size != 3) return LinkStatus.BadRequest;
                    _statusIntervalMs = LittleEndian.ReadUInt16(request, at);
                    _sendWindows = (request[at + 2] & 1) != 0;
                    return LinkStatus.Ok;
                case LinkCommand.CaptureInfo: return CaptureInfo(reply, outAt, out length);
                case LinkCommand.CaptureRead: return CaptureRead(request, at, size, reply, outAt, out length);
                case LinkCommand.Acknowledge:
                    if (Rows.Drift != null) Rows.Drift.Acknowledge();
                    return LinkStatus.Ok;
                default: return LinkStatus.UnknownCommand;
            }
        }

        private byte Hello(byte[] request, int at, int size, byte[] reply, int o, out int length)
        {
            length = 0;
            if (size < 1) return LinkStatus.BadRequest;
            if (request[at] != LinkFrame.ProtocolVersion)
            {
                reply[o] = LinkFrame.ProtocolVersion;
                length = 1;
                return LinkStatus.UnsupportedVersion;
            }
            int start = o;
            reply[o++] = LinkFrame.ProtocolVersion;
            LittleEndian.WriteUInt16(reply, o, LinkFrame.MaxPayload);
            o += 2;
            o = WriteString(reply, o, _config.FirmwareVersion);
            o = WriteString(reply, o, _config.BoardName);
            LittleEndian.WriteInt32(reply, o, _config.StagingCapacity);
            LittleEndian.WriteUInt16(reply, o + 4, (ushort)_config.VectorSlots);
            LittleEndian.WriteUInt16(reply, o + 6, (ushort)_config.MaxRowWidth);
            length = o + 8 - start;
            return LinkStatus.Ok;
        }

        private byte UploadBegin(byte[] request, int at, int size, byte[] reply, int o, out int length)
        {
            length = 0;
            if (size != 9 || !UploadKind.IsValid(request[at])) return LinkStatus.BadRequest;
            int total = LittleEndian.ReadInt32(request, at + 1);
            if (total < 1 || total > _config.StagingCapacity)
            {
                LittleEndian.WriteInt32(reply, o, _config.StagingCapacity);
                length = 4;
                return LinkStatus.TooLarge;
            }
            int offset = _upload.Begin(request[at], total, LittleEndian.ReadUInt32(request, at + 5));
            LittleEndian.WriteInt32(reply, o, offset);
            length = 4;
            return LinkStatus.Ok;
        }

        private byte UploadChunk(byte[] request, int at, int size, byte[] reply, int o, out int length)
        {
            length = 4;
            if (size < 4) { length = 0; return LinkStatus.BadRequest; }
            int offset = LittleEndian.ReadInt32(request, at);
            bool taken = _upload.Append(offset, request, at + 4, size - 4);
            LittleEndian.WriteInt32(reply, o, _upload.Offset);
            return taken ? LinkStatus.Ok : LinkStatus.BadOffset;
        }

        private byte UploadCommit(byte[] reply, int o, out int length)
        {
            length = 0;
            if (!_upload.Complete)
            {
                LittleEndian.WriteInt32(reply, o, _upload.Offset);
                length = 4;
                return LinkStatus.BadOffset;
            }
            if (!_upload.Verify())
            {
                _upload.Reset();
                return LinkStatus.ChecksumMismatch;
            }
            byte kind = _upload.Kind;
            int fileLength = _upload.Length;
            // Parsed straight from the staging buffer: a copy of the file would need as much
            // heap again at the moment the new model is built (the readers copy what they keep).
            string problem = Load(kind, _upload.Buffer, fileLength);
            if (problem != null)
            {
                _upload.Reset();
                length = WriteMessage(reply, o, problem);
                return LinkStatus.InvalidFile;
            }
            if (_store != null) _store.SaveCommitted(kind, _upload.Buffer, fileLength);
            _upload.Reset();
            reply[o] = kind;
            byte[] id = kind == UploadKind.Model ? ModelId : null;
            for (int i = 0; i < 8; i++) reply[o + 1 + i] = id == null ? (byte)0 : id[i];
            LittleEndian.WriteInt32(reply, o + 9, fileLength);
            length = 13;
            return LinkStatus.Ok;
        }

        /// <summary>Parses the first length bytes of file and, only if they load, makes them the running model or profile; returns the problem, or null.</summary>
        private string Load(byte kind, byte[] file, int length)
        {
            try
            {
                if (kind == UploadKind.Model)
                {
                    EdgeModel model = ModelReader.Read(file, length);
                    var interpreter = new Interpreter(model, _config.ArenaBudget);
                    DriftMonitor embedded = null;
                    if (model.DriftProfile != null && model.DriftProfile.Length > 0 && (Rows.Drift == null || _profileFromModel))
                        embedded = new DriftMonitor(DriftProfileReader.Read(model.DriftProfile, "model's drift profile"));
                    Rows.SetModel(interpreter);
                    if (embedded != null)
                    {
                        Rows.SetDrift(embedded);
                        _profileFromModel = true;
                    }
                    _vectorLength = interpreter.InputLength(0);
                    _vectors = new float[_config.VectorSlots * _vectorLength];
                    _vectorBits = new int[_config.VectorSlots * _vectorLength];
                }
                else
                {
                    var monitor = new DriftMonitor(DriftProfileReader.Read(file, 0, length, "drift profile"));
                    Rows.SetDrift(monitor);
                    _profileFromModel = false;
                }
                return null;
            }
            catch (EdgeFormatException e)
            {
                return e.Message;
            }
            catch (ArenaBudgetException e)
            {
                return e.Message;
            }
            catch (OutOfMemoryException)
            {
                return "not enough memory to load it";
            }
        }

        private byte ConfigureRows(byte[] request, int at, int size, byte[] reply, int o, out int length)
        {
            length = 0;
            if (size < 11) return LinkStatus.BadRequest;
            int width = LittleEndian.ReadUInt16(request, at);
            int start = LittleEndian.ReadUInt16(request, at + 2);
            byte rule = request[at + 4];
            float threshold = BitConverter.ToSingle(request, at + 5);
            int columns = LittleEndian.ReadUInt16(request, at + 9);
            if (size != 11 + 2 * columns || width > _config.MaxRowWidth) return LinkStatus.BadRequest;
            var sources = new short[columns];
            for (int c = 0; c < columns; c++) sources[c] = (short)LittleEndian.ReadUInt16(request, at + 11 + 2 * c);
            string problem = Rows.Configure(width, start, rule, threshold, sources);
            if (problem == null) return LinkStatus.Ok;
            length = WriteMessage(reply, o, problem);
            return LinkStatus.BadRequest;
        }

        /// <summary>Takes rows until all are processed or one completes a drift window (one window per response).</summary>
        private byte RowsCommand(byte[] request, int at, int size, byte[] reply, int o, out int length)
        {
            length = 0;
            int width = Rows.RowWidth;
            if (size < 2 || width == 0) return width == 0 ? LinkStatus.NoModel : LinkStatus.BadRequest;
            int count = LittleEndian.ReadUInt16(request, at);
            if (size != 2 + count * width * 4) return LinkStatus.BadRequest;
            int taken = 0;
            int p = at + 2;
            while (taken < count)
            {
                for (int i = 0; i < width; i++)
                {
                    _rowBits[i] = LittleEndian.ReadInt32(request, p);
                    _rowFloats[i] = BitConverter.ToSingle(request, p);
                    p += 4;
                }
                taken++;
                if (Rows.Process(_rowFloats, _rowBits, 0))
                {
                    _windowPending = true;
                    break;
                }
            }
            LittleEndian.WriteUInt16(reply, o, (ushort)taken);
            LittleEndian.WriteUInt32(reply, o + 2, (uint)Rows.Samples);
            LittleEndian.WriteUInt32(reply, o + 6, (uint)(Rows.Drift == null ? 0 : Rows.Drift.WindowsCompleted));
            length = 10;
            return LinkStatus.Ok;
        }

        private byte SetVector(byte[] request, int at, int size)
        {
            if (Rows.Interpreter == null) return LinkStatus.NoModel;
            if (size < 4 || (size - 4) % 4 != 0) return LinkStatus.BadRequest;
            int slot = LittleEndian.ReadUInt16(request, at);
            int start = LittleEndian.ReadUInt16(request, at + 2);
            int count = (size - 4) / 4;
            if (slot >= _config.VectorSlots || start + count > _vectorLength) return LinkStatus.BadRequest;
            int to = slot * _vectorLength + start;
            for (int i = 0; i < count; i++)
            {
                _vectorBits[to + i] = LittleEndian.ReadInt32(request, at + 4 + 4 * i);
                _vectors[to + i] = BitConverter.ToSingle(request, at + 4 + 4 * i);
            }
            return LinkStatus.Ok;
        }

        /// <summary>MLPerf-style runs on stored vectors: timing per inference, outputs of the last repeat.</summary>
        private byte Infer(byte[] request, int at, int size, byte[] reply, int o, out int length)
        {
            length = 0;
            var interpreter = Rows.Interpreter;
            if (interpreter == null) return LinkStatus.NoModel;
            if (size != 7) return LinkStatus.BadRequest;
            int first = LittleEndian.ReadUInt16(request, at);
            int count = LittleEndian.ReadUInt16(request, at + 2);
            int repeats = LittleEndian.ReadUInt16(request, at + 4);
            int outputs = interpreter.OutputLength(0);
            if (count < 1 || repeats < 1 || first + count > _config.VectorSlots || 16 + count * outputs * 4 > LinkFrame.MaxPayload)
                return LinkStatus.BadRequest;
            long total = 0;
            long min = long.MaxValue;
            long max = 0;
            int p = o + 16;
            for (int r = 0; r < repeats; r++)
            {
                for (int s = first; s < first + count; s++)
                {
                    long micros = InvokeVector(interpreter, s);
                    total += micros;
                    if (micros < min) min = micros;
                    if (micros > max) max = micros;
                    if (r != repeats - 1) continue;
                    interpreter.GetOutput(0, Rows.Output, 0);
                    for (int k = 0; k < outputs; k++)
                    {
                        FloatBits.Write(reply, p, Rows.Output[k]);
                        p += 4;
                    }
                }
            }
            LittleEndian.WriteInt32(reply, o, count * repeats);
            LittleEndian.WriteUInt32(reply, o + 4, (uint)total);
            LittleEndian.WriteUInt32(reply, o + 8, (uint)min);
            LittleEndian.WriteUInt32(reply, o + 12, (uint)max);
            length = p - o;
            return LinkStatus.Ok;
        }

        private long InvokeVector(Interpreter interpreter, int slot)
        {
            int from = slot * _vectorLength;
            if (interpreter.Model.Tensors[interpreter.Model.Inputs[0].Tensor].Type == TensorType.Float32Key)
                interpreter.SetInputFloat32Bits(0, _vectorBits, from);
            else
                interpreter.SetInput(0, _vectors, from);
            return Rows.TimedInvoke();
        }

        private byte Window(byte[] request, int at, int size, byte[] reply, int o, out int length)
        {
            length = 0;
            var drift = Rows.Drift;
            if (drift == null)
            {
                length = WriteMessage(reply, o, "no drift profile loaded");
                return LinkStatus.Failed;
            }
            if (size != 4) return LinkStatus.BadRequest;
            int first = LittleEndian.ReadUInt16(request, at);
            int count = LittleEndian.ReadUInt16(request, at + 2);
            int columns = drift.Profile.Columns.Length;
            if (first > columns) return LinkStatus.BadRequest;
            if (count > columns - first) count = columns - first;
            if (count > TelemetryWriter.ColumnsPerPage) count = TelemetryWriter.ColumnsPerPage;
            length = TelemetryWriter.WriteWindow(reply, o, drift, first, count);
            return LinkStatus.Ok;
        }

        private byte CaptureInfo(byte[] reply, int o, out int length)
        {
            var drift = Rows.Drift;
            reply[o] = drift == null ? CaptureState.Idle : drift.Capture.State;
            LittleEndian.WriteUInt16(reply, o + 1, (ushort)(drift == null ? 0 : drift.Capture.Count));
            LittleEndian.WriteUInt16(reply, o + 3, (ushort)(drift == null ? 0 : drift.Capture.Columns));
            LittleEndian.WriteInt32(reply, o + 5, drift == null ? 0 : drift.Capture.FrozenAtWindow);
            length = 9;
            return LinkStatus.Ok;
        }

        private byte CaptureRead(byte[] request, int at, int size, byte[] reply, int o, out int length)
        {
            length = 0;
            var drift = Rows.Drift;
            if (drift == null || size != 4) return LinkStatus.BadRequest;
            var capture = drift.Capture;
            int first = LittleEndian.ReadUInt16(request, at);
            int count = LittleEndian.ReadUInt16(request, at + 2);
            int perRow = 5 + 4 * capture.Columns;
            int fit = LinkFrame.MaxPayload / perRow;
            if (count > fit) count = fit;
            if (first > capture.Count) return LinkStatus.BadRequest;
            if (count > capture.Count - first) count = capture.Count - first;
            int p = o;
            for (int i = first; i < first + count; i++)
            {
                bool anomalous;
                long sequence = capture.CopyRow(i, _rowBits, 0, out anomalous);
                LittleEndian.WriteUInt32(reply, p, (uint)sequence);
                reply[p + 4] = (byte)(anomalous ? 1 : 0);
                p += 5;
                for (int c = 0; c < capture.Columns; c++)
                {
                    LittleEndian.WriteInt32(reply, p, _rowBits[c]);
                    p += 4;
                }
            }
            length = p - o;
            return LinkStatus.Ok;
        }

        private void SendDueTelemetry()
        {
            if (_windowPending && _sendWindows)
            {
                SendWindowTelemetry();
                _windowPending = false;
            }
            if (_statusIntervalMs <= 0) return;
            long now = _clock.Microseconds;
            if (now - _lastStatusMicros < (long)_statusIntervalMs * 1000) return;
            _lastStatusMicros = now;
            int length = TelemetryWriter.WriteStatus(_encoder.Payload, LinkFrame.PayloadAt, this);
            SendTelemetry(TelemetryKind.Status, length);
        }

        private void SendWindowTelemetry()
        {
            var drift = Rows.Drift;
            if (drift == null) return;
            int columns = drift.Profile.Columns.Length;
            for (int first = 0; first < columns; first += TelemetryWriter.ColumnsPerPage)
            {
                int count = columns - first < TelemetryWriter.ColumnsPerPage ? columns - first : TelemetryWriter.ColumnsPerPage;
                int length = TelemetryWriter.WriteWindow(_encoder.Payload, LinkFrame.PayloadAt, drift, first, count);
                SendTelemetry(TelemetryKind.Window, length);
            }
        }

        private void SendTelemetry(byte kind, int length)
        {
            int wire = _encoder.Finish(FrameType.Telemetry, 0, kind, 0, length);
            _transport.Write(_encoder.Wire, 0, wire);
        }

        private static int WriteString(byte[] b, int at, string s)
        {
            int n = s.Length > 255 ? 255 : s.Length;
            b[at] = (byte)n;
            for (int i = 0; i < n; i++) b[at + 1 + i] = (byte)s[i];
            return at + 1 + n;
        }

        private static int WriteMessage(byte[] b, int at, string message)
        {
            int n = message.Length > 200 ? 200 : message.Length;
            for (int i = 0; i < n; i++)
            {
                char c = message[i];
                b[at + i] = c >= ' ' && c <= '~' ? (byte)c : (byte)'?';
            }
            return n;
        }
    }
}
