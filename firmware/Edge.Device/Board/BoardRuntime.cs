using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>
    /// The board's main loop, against small interfaces (transport, clock, trigger pin, store):
    /// <see cref="Poll"/> reads what the link received, keeps the session (each request runs once,
    /// in id order; repeats are answered from the <see cref="ResponseCache"/>), dispatches each
    /// request to its command in the <see cref="CommandTable"/>, runs the board's own samples,
    /// and sends telemetry when due. Everything is sized at start or when a model loads; frames
    /// and rows allocate nothing on the way. Protocol: firmware/docs/link-protocol.md.
    /// </summary>
    public sealed class BoardRuntime
    {
        /// <summary>Local samples processed per poll at most, so the link stays responsive under a fast source.</summary>
        public const int SamplesPerPoll = 8;

        private const int ReceiveBytes = 512;

        private readonly ITransport _transport;
        private readonly IClock _clock;
        private readonly IModelStore _store;
        private readonly IMemoryGauge _memory;
        private readonly FrameEncoder _encoder = new FrameEncoder();
        private readonly byte[] _receive = new byte[ReceiveBytes];
        private readonly ByteReader _request = new ByteReader();
        private readonly CommandTable _commands = new CommandTable();
        private readonly FileLoader _loader;
        private readonly float[] _rowFloats;
        private readonly int[] _rowBits;
        private readonly long _startMicros;
        private readonly StatusRecord _status = new StatusRecord();
        private readonly WindowPage _page = new WindowPage();
        private readonly ErrorText _error = new ErrorText();
        private readonly OutOfOrderReply _outOfOrder = new OutOfOrderReply();
        private readonly StaleSessionReply _stale = new StaleSessionReply();
        private ISampleSource _source;

        public BoardRuntime(BoardConfig config, ITransport transport, IClock clock, ITriggerPin pin, IModelStore store, IMemoryGauge memory)
        {
            _transport = transport;
            _clock = clock;
            _store = store;
            _memory = memory;
            Decoder = new FrameDecoder();
            Cache = new ResponseCache(config.ResponseCacheSlots, LinkFrame.MaxEncoded);
            Session = new LinkSession();
            Telemetry = new TelemetrySchedule(config.StatusIntervalMs);
            Rows = new RowPipeline(clock, pin);
            var upload = new UploadSession(config.StagingCapacity, store);
            var vectors = new VectorStore(config.VectorSlots);
            _loader = new FileLoader(config, Rows, vectors);
            _rowFloats = new float[config.MaxRowWidth];
            _rowBits = new int[config.MaxRowWidth];
            _startMicros = clock.Microseconds;

            _commands.Register(LinkCommand.Hello, new HelloCommand(config, Session, Cache, Telemetry, memory, LinkBufferBytes));
            _commands.Register(LinkCommand.Status, new StatusCommand(this));
            _commands.Register(LinkCommand.Ping, new PingCommand());
            _commands.Register(LinkCommand.UploadBegin, new UploadBeginCommand(upload));
            _commands.Register(LinkCommand.UploadChunk, new UploadChunkCommand(upload));
            _commands.Register(LinkCommand.UploadCommit, new UploadCommitCommand(upload, _loader, store, Rows));
            _commands.Register(LinkCommand.UploadStatus, new UploadStatusCommand(upload));
            _commands.Register(LinkCommand.ConfigureRows, new ConfigureRowsCommand(Rows, config.MaxRowWidth));
            _commands.Register(LinkCommand.Rows, new RowsCommand(Rows, Session, Telemetry, _rowFloats, _rowBits));
            _commands.Register(LinkCommand.SetVector, new SetVectorCommand(vectors, Rows));
            _commands.Register(LinkCommand.Infer, new InferCommand(vectors, Rows));
            _commands.Register(LinkCommand.Window, new WindowCommand(Rows));
            _commands.Register(LinkCommand.Telemetry, new TelemetryCommand(Telemetry));
            _commands.Register(LinkCommand.CaptureInfo, new CaptureInfoCommand(Rows));
            _commands.Register(LinkCommand.CaptureRead, new CaptureReadCommand(Rows, _rowBits));
            _commands.Register(LinkCommand.Acknowledge, new AcknowledgeCommand(Rows));
        }

        public FrameDecoder Decoder { get; private set; }

        public ResponseCache Cache { get; private set; }

        public LinkSession Session { get; private set; }

        public TelemetrySchedule Telemetry { get; private set; }

        public RowPipeline Rows { get; private set; }

        /// <summary>Bytes the link holds: receive buffer, encoder (frame + wire), decoder (run + frame), one encoded answer per window slot.</summary>
        public int LinkBufferBytes
        {
            get { return ReceiveBytes + LinkFrame.MaxFrame + 3 * LinkFrame.MaxEncoded + Cache.Slots * Cache.FrameCapacity; }
        }

        /// <summary>The running model's 8-byte id, or null.</summary>
        public byte[] ModelId { get { return Rows.Interpreter == null ? null : Rows.Interpreter.Model.Id; } }

        public long UptimeMilliseconds { get { return (_clock.Microseconds - _startMicros) / 1000; } }

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
            if (model != null && _loader.Load(UploadKind.Model, model, model.Length) != null) StartupMessage = "stored model did not load";
            byte[] profile = _store.LoadCommitted(UploadKind.DriftProfile);
            if (profile != null && _loader.Load(UploadKind.DriftProfile, profile, profile.Length) != null) StartupMessage = "stored drift profile did not load";
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

        /// <summary>A sample from a local source (an ADC feature pipeline), row width as configured.</summary>
        public bool ProcessSample(float[] row, int offset)
        {
            for (int i = 0; i < Rows.RowWidth; i++) _rowBits[i] = FloatBits.ToInt32(row[offset + i]);
            bool window = Rows.Process(row, _rowBits, offset);
            if (window) Telemetry.WindowPending = true;
            return window;
        }

        /// <summary>The status record as of now (the `status` reply and status telemetry).</summary>
        public void FillStatus(StatusRecord s)
        {
            var rows = Rows;
            var drift = rows.Drift;
            s.UptimeMs = UptimeMilliseconds;
            s.Samples = rows.Samples;
            s.Inferences = rows.Inferences;
            s.Anomalies = rows.Anomalies;
            s.MissingValues = drift == null ? 0 : drift.MissingValues;
            s.MeanInferenceMicros = rows.LastWindowMeanMicros;
            s.MaxInferenceMicros = rows.MaxInferenceMicros;
            s.FreeMemory = _memory == null ? 0 : _memory.FreeBytes();
            byte[] id = ModelId;
            for (int i = 0; i < 8; i++) s.ModelId[i] = id == null ? (byte)0 : id[i];
            s.WindowsCompleted = drift == null ? 0 : drift.WindowsCompleted;
            s.Verdict = drift == null ? Drift.WindowVerdict.Clean : drift.Policy.LastVerdict;
            s.Alarm = drift != null && drift.Policy.Alarm;
            s.CaptureState = drift == null ? Drift.CaptureState.Idle : drift.Capture.State;
            s.Flags = (rows.Interpreter != null ? StatusRecord.ModelLoadedFlag : 0) | (drift != null ? StatusRecord.ProfileLoadedFlag : 0)
                | (drift != null && drift.WindowsCompleted > 0 ? StatusRecord.WindowKnownFlag : 0);
            s.FramesRejected = Decoder.Rejected;
            s.CrcErrors = Decoder.CrcErrors;
            s.Overlong = Decoder.Overlong;
            s.ResentFromCache = Cache.Hits;
            s.OutOfOrder = Session.OutOfOrder;
        }

        private void HandleFrame()
        {
            if (Decoder.Type != FrameType.Request) return;
            byte command = Decoder.Command;
            ushort id = Decoder.RequestId;
            uint session = Decoder.Session;
            int length;
            byte status;
            if (command == LinkCommand.Hello)
            {
                Session.Offered = session;
                status = Run(command, out length);
                Answer(session, id, command, status, length, false);
                return;
            }
            if (!Session.Serves(session))
            {
                _stale.BoardSession = Session.Id;
                Answer(session, id, command, LinkStatus.StaleSession, _stale.Write(_encoder.Payload, LinkFrame.PayloadAt), false);
                return;
            }
            int behind = Session.Behind(id);
            if (behind == 0)
            {
                Session.RejectPending = false;
                Session.NextId++;
                status = Run(command, out length);
                Answer(session, id, command, status, length, true);
                return;
            }
            if (behind <= Cache.Slots)
            {
                int slot = Cache.Find(id);
                if (slot >= 0)
                {
                    Cache.Hits++;
                    _transport.Write(Cache.Frame(slot), 0, Cache.Length(slot));
                    return;
                }
            }
            // Not the next request: run nothing. Say once which id comes next, and drop the rest
            // of this burst until it arrives (the host's timeout covers a lost answer).
            Session.OutOfOrder++;
            if (Session.RejectPending) return;
            Session.RejectPending = true;
            _outOfOrder.ExpectedId = Session.NextId;
            Answer(session, id, command, LinkStatus.OutOfOrder, _outOfOrder.Write(_encoder.Payload, LinkFrame.PayloadAt), false);
        }

        /// <summary>Runs a command; its reply payload is then in the encoder. A request that does not read is answered bad-request with the reader's message.</summary>
        private byte Run(byte command, out int length)
        {
            length = 0;
            _request.Reset(Decoder.Frame, LinkFrame.PayloadAt, Decoder.PayloadLength, "request");
            CommandHandler handler = _commands.Find(command);
            if (handler == null) return LinkStatus.UnknownCommand;
            try
            {
                return handler.Handle(_request, _encoder.Payload, LinkFrame.PayloadAt, out length);
            }
            catch (EdgeFormatException e)
            {
                _error.Text = e.Message;
                length = _error.Write(_encoder.Payload, LinkFrame.PayloadAt);
                return LinkStatus.BadRequest;
            }
        }

        private void Answer(uint session, ushort id, byte command, byte status, int length, bool remember)
        {
            int wire = _encoder.Finish(FrameType.Response, session, id, command, status, length);
            _transport.Write(_encoder.Wire, 0, wire);
            if (remember) Cache.Store(id, _encoder.Wire, wire);
            if (Telemetry.WindowPending && Telemetry.WindowReports) SendWindowTelemetry();
            Telemetry.WindowPending = false;
        }

        private void SendDueTelemetry()
        {
            if (Telemetry.WindowPending && Telemetry.WindowReports) SendWindowTelemetry();
            Telemetry.WindowPending = false;
            if (Telemetry.StatusIntervalMs <= 0) return;
            long now = _clock.Microseconds;
            if (now - Telemetry.LastStatusMicros < (long)Telemetry.StatusIntervalMs * 1000) return;
            Telemetry.LastStatusMicros = now;
            FillStatus(_status);
            SendTelemetry(TelemetryKind.Status, _status.Write(_encoder.Payload, LinkFrame.PayloadAt));
        }

        private void SendWindowTelemetry()
        {
            var drift = Rows.Drift;
            if (drift == null) return;
            int columns = drift.Profile.Columns.Length;
            for (int first = 0; first < columns; first += WindowPage.ColumnsPerPage)
            {
                int count = columns - first < WindowPage.ColumnsPerPage ? columns - first : WindowPage.ColumnsPerPage;
                _page.Fill(drift, first, count);
                SendTelemetry(TelemetryKind.Window, _page.Write(_encoder.Payload, LinkFrame.PayloadAt));
            }
        }

        private void SendTelemetry(byte kind, int length)
        {
            int wire = _encoder.Finish(FrameType.Telemetry, Session.Id, 0, kind, 0, length);
            _transport.Write(_encoder.Wire, 0, wire);
        }
    }
}
