using Edge.Device.Link.Messages;

namespace Edge.Device.Tests.Link;

/// <summary>
/// One golden vector per link message (firmware/docs/link-protocol.md): a filled instance, the
/// commented hex it must encode to, and a blank instance it must decode into. Comments are
/// "type name: meaning", one field per line; `*` marks a repeated field. The spec's message
/// tables are generated from these (<see cref="LinkProtocolDocTests"/>).
/// </summary>
internal static class LinkGoldens
{
    public sealed record Golden(string Name, string Summary, Func<LinkMessage> Filled, Func<LinkMessage> Blank, string Hex)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Golden> All { get; } =
    [
        new("HelloRequest", "`hello`, host to board. The session id is in the frame header: the host picks it at random (nonzero); the board forgets every earlier session's answers and telemetry settings.",
            () => new HelloRequest { ProtocolVersion = 2, Window = 16 },
            () => new HelloRequest(), """
            02            // u8 protocol version: the version the host speaks
            10            // u8 window: requests the host would keep in flight (1-255)
            """),

        new("HelloReply", "`hello`, board to host: what the board is and can take in this session.",
            () => new HelloReply
            {
                ProtocolVersion = 2, MaxPayload = 1024, Window = 4, Capabilities = HelloReply.NativeKernels, FirmwareVersion = "edge 0.2", BoardName = "F746",
                StagingCapacity = 98304, VectorSlots = 4, MaxRowWidth = 300, ArenaBudget = 16384, FreeMemory = 41000, LinkBufferBytes = 8866,
            },
            () => new HelloReply(), """
            02                          // u8 protocol version
            00 04                       // u16 max payload: bytes in a frame's payload (1024)
            04                          // u8 window: requests in flight this session allows, the smaller of the host's and the board's
            01                          // u8 capabilities: bit 0 native kernels present
            08 65 64 67 65 20 30 2E 32  // str firmware version
            04 46 37 34 36              // str board name
            00 80 01 00                 // u32 staging capacity: largest upload, bytes
            04 00                       // u16 vector slots: for infer
            2C 01                       // u16 max row width: values per row
            00 40 00 00                 // u32 arena budget: largest inference arena, bytes (0: no limit)
            28 A0 00 00                 // u32 free memory: managed heap free at hello, bytes (0: not known)
            A2 22 00 00                 // u32 link buffer bytes: what the link's buffers take, one cached answer per window slot included
            """),

        new("StatusRecord", "The `status` reply and telemetry kind 1. Counters count since the board started; the sample counters are 64-bit and do not wrap.",
            () =>
            {
                var s = new StatusRecord
                {
                    UptimeMs = 61000, Samples = 5_000_000_000, Inferences = 4000, Anomalies = 12, MissingValues = 3, MeanInferenceMicros = 7572, MaxInferenceMicros = 7600,
                    FreeMemory = 41000, WindowsCompleted = 20, Verdict = 2, Alarm = true, CaptureState = 2, Flags = 7, FramesRejected = 5, CrcErrors = 3, Overlong = 1,
                    ResentFromCache = 2, OutOfOrder = 4,
                };
                for (int i = 0; i < 8; i++) s.ModelId[i] = (byte)(i + 1);
                return s;
            },
            () => new StatusRecord(), """
            48 EE 00 00 00 00 00 00     // u64 uptime ms
            00 F2 05 2A 01 00 00 00     // u64 samples: seen, from the host and the board's own source
            A0 0F 00 00 00 00 00 00     // u64 inferences
            0C 00 00 00 00 00 00 00     // u64 anomalies: samples flagged anomalous
            03 00 00 00 00 00 00 00     // u64 missing values: sample values that were NaN, kept out of the histograms
            94 1D 00 00                 // u32 mean inference us: last window
            B0 1D 00 00                 // u32 max inference us
            28 A0 00 00                 // u32 free memory: bytes (0: not known)
            01 02 03 04 05 06 07 08     // u8[8] model id: zeros when no model runs
            14 00 00 00                 // u32 windows completed
            02                          // u8 verdict: the last window's, 0 clean, 1 drifting, 2 confirmed, 3 anomaly burst
            01                          // u8 alarm: drift confirmed and not acknowledged
            02                          // u8 capture state: 0 idle, 1 armed, 2 frozen
            07                          // u8 flags: bit 0 model loaded, 1 drift profile loaded, 2 a window completed (the verdict means something)
            05 00 00 00                 // u32 frames rejected: not COBS, wrong CRC, bad header, other version
            03 00 00 00                 // u32 CRC errors: of those, wrong CRC
            01 00 00 00                 // u32 overlong runs: longer than any frame, discarded
            02 00 00 00                 // u32 resent from cache: repeats answered without running again
            04 00 00 00                 // u32 out of order: requests not run because an earlier one was missing
            """),

        new("UploadBeginRequest", "`upload-begin`: what is coming.",
            () => new UploadBeginRequest { Kind = 1, Length = 5120, Crc = 0xCBF43926 },
            () => new UploadBeginRequest(), """
            01            // u8 kind: 1 model (.edgem), 2 drift profile (.edgp)
            00 14 00 00   // u32 length: bytes
            26 39 F4 CB   // u32 CRC-32: of the whole file
            """),

        new("UploadOffset", "Where an upload stands: the reply to `upload-begin` (0, or where an identical interrupted upload stopped) and `upload-chunk`; with bad-offset the offset expected; with too-large the staging capacity.",
            () => new UploadOffset { Offset = 4096 },
            () => new UploadOffset(), """
            00 10 00 00   // u32 offset: bytes staged, where the next chunk goes
            """),

        new("UploadChunkRequest", "`upload-chunk`: bytes of the file at an offset.",
            () => new UploadChunkRequest { Offset = 1020, Data = [0xDE, 0xAD, 0xBE, 0xEF], DataLength = 4 },
            () => new UploadChunkRequest(), """
            FC 03 00 00   // u32 offset
            DE AD BE EF   // * bytes data: the rest of the payload, up to 1020 bytes
            """),

        new("UploadCommitReply", "`upload-commit`, board to host: what now runs.",
            () =>
            {
                var r = new UploadCommitReply { Kind = 1, Length = 5120 };
                for (int i = 0; i < 8; i++) r.ModelId[i] = (byte)(0x11 * (i + 1));
                return r;
            },
            () => new UploadCommitReply(), """
            01                          // u8 kind
            11 22 33 44 55 66 77 88     // u8[8] model id: zeros for a drift profile
            00 14 00 00                 // u32 length
            """),

        new("UploadStatusReply", "`upload-status`, board to host: the staged upload.",
            () => new UploadStatusReply { Kind = 2, Length = 2048, Crc = 0x12345678, Offset = 1024 },
            () => new UploadStatusReply(), """
            02            // u8 kind: 0 none
            00 08 00 00   // u32 length
            78 56 34 12   // u32 CRC-32
            00 04 00 00   // u32 offset: bytes staged
            """),

        new("ConfigureRowsRequest", "`configure-rows`: the layout of the rows that follow (kept across sessions: a board's own sampling uses it).",
            () => new ConfigureRowsRequest { Width = 65, ModelInputStart = 0, Rule = 1, Threshold = 0.5f, Sources = [64, -1], SourceCount = 2 },
            () => new ConfigureRowsRequest(), """
            41 00         // u16 row width W
            00 00         // u16 model input start: the model's input is W values from here
            01            // u8 anomaly rule: 0 none, 1 model output at least the threshold, 2 below it, 3 out of profile
            00 00 00 3F   // f32 anomaly threshold
            02 00         // u16 drift column count C: the profile's column count
            40 00         // * i16 drift column source: the row value feeding each drift column (-1 the model's first output, -2 its class)
            FF FF         // *
            """),

        new("RowsRequest", "`rows`: sample rows. The board takes them only if `first row` is the session's row position and `windows` its count of completed windows; otherwise it answers bad-offset, takes nothing, and the reply says where it stands.",
            () => new RowsRequest { FirstRow = 6, Windows = 0, Count = 2, Width = 2, Values = [1.0f, 2.0f, -0.5f, 0.25f] },
            () => new RowsRequest(), """
            06 00 00 00   // u32 first row: the session's row position of the first row (0 after hello)
            00 00 00 00   // u32 windows: drift windows the host saw completed
            02 00         // u16 row count N
            00 00 80 3F   // * f32 value: N rows of W values, row after row (NaN: missing)
            00 00 00 40   // *
            00 00 00 BF   // *
            00 00 80 3E   // *
            """),

        new("RowsReply", "`rows`, board to host: it stops after a row that completes a drift window, so the host reads every window before the next closes.",
            () => new RowsReply { Taken = 2, Samples = 1002, WindowsCompleted = 5, NextRow = 8 },
            () => new RowsReply(), """
            02 00                       // u16 rows taken
            EA 03 00 00 00 00 00 00     // u64 samples seen
            05 00 00 00                 // u32 windows completed
            08 00 00 00                 // u32 next row: the session's row position after these
            """),

        new("SetVectorRequest", "`set-vector`: input values for a vector slot, from an element on.",
            () => new SetVectorRequest { Slot = 3, Start = 252, Values = [1.0f, -2.0f], Count = 2 },
            () => new SetVectorRequest(), """
            03 00         // u16 slot
            FC 00         // u16 start element
            00 00 80 3F   // * f32 value: up to 255
            00 00 00 C0   // *
            """),

        new("InferRequest", "`infer`: MLPerf-style runs on stored vectors.",
            () => new InferRequest { FirstSlot = 0, Count = 4, Repeats = 1000, Flags = 1 },
            () => new InferRequest(), """
            00 00         // u16 first slot
            04 00         // u16 slot count
            E8 03         // u16 repeats: 1-65535
            01            // u8 flags: bit 0 raise the trigger pin around each inference
            """),

        new("InferReply", "`infer`, board to host: timing by the board's clock, and the outputs of each vector's last repeat.",
            () => new InferReply { Inferences = 4000, TotalMicros = 30288000, MinMicros = 7500, MaxMicros = 7700, Outputs = [0.25f, 0.75f], OutputCount = 2 },
            () => new InferReply(), """
            A0 0F 00 00   // u32 inferences
            80 28 CE 01   // u32 total us
            4C 1D 00 00   // u32 min us
            14 1E 00 00   // u32 max us
            00 00 80 3E   // * f32 output: per vector its outputs, vector after vector
            00 00 40 3F   // *
            """),

        new("WindowRequest", "`window`: a page of the last window's report.",
            () => new WindowRequest { FirstColumn = 24, Count = 65535 },
            () => new WindowRequest(), """
            18 00         // u16 first column
            FF FF         // u16 column count: at most (65535: as many as fit)
            """),

        new("WindowPage", $"The `window` reply and telemetry kind 2: a page of a drift window's report, {WindowPage.ColumnBytes} bytes per column, at most {WindowPage.ColumnsPerPage} columns per page. A statistic that is saturated (32768 or more, or infinite) reads 0x7FFFFFFF and has its bit set: the number is only a bound.",
            () =>
            {
                var p = new WindowPage
                {
                    Index = 13, Samples = 200, Anomalies = 200, DriftedFeatures = 64, DriftShareQ16 = 65536, Flags = 21, Verdict = 2, TotalColumns = 26, First = 24, Count = 2,
                    Saturated = new ushort[26], Drifted = new bool[26], Missing = new int[26],
                };
                for (int k = 0; k < WindowPage.StatisticCount; k++) p.Values[k] = new int[26];
                int[] c24 = [int.MaxValue, 0x8000, int.MaxValue, 0x4000, 0x3000, 0x2000, 0x1000, 0x10000, 0];
                int[] c25 = [0x0100, 0x0100, 0x0200, 0x0300, 0x0400, 0x0500, 0x0600, 0x0700, 0];
                for (int k = 0; k < WindowPage.StatisticCount; k++) { p.Values[k][24] = c24[k]; p.Values[k][25] = c25[k]; }
                p.Saturated[24] = 0b101;
                p.Drifted[24] = true;
                p.Missing[25] = 3;
                return p;
            },
            () => new WindowPage(), """
            0D 00 00 00   // u32 window index: windows completed when it closed (0: none yet)
            C8 00         // u16 samples
            C8 00         // u16 anomalies
            40 00         // u16 drifted features
            00 00 01 00   // i32 drift share: Q16, drifted features / features
            15            // u8 flags: bit 0 data drift, 1 prediction drift, 2 drifting, 3 burst checked, 4 alarm
            02            // u8 verdict: 0 clean, 1 drifting, 2 confirmed, 3 anomaly burst
            1A 00         // u16 columns in the report
            18 00         // u16 first column: of this page
            02 00         // u16 columns in this page
            FF FF FF 7F   // * i32 test value: per column, Q16: the statistic its test decides on
            00 80 00 00   // * i32 PSI
            FF FF FF 7F   // * i32 KL
            00 40 00 00   // * i32 Jensen-Shannon
            00 30 00 00   // * i32 Hellinger
            00 20 00 00   // * i32 total variation
            00 10 00 00   // * i32 KS
            00 00 01 00   // * i32 Wasserstein: normed by the reference std
            00 00 00 00   // * i32 chi-square
            05 00         // * u16 saturated: bit k, statistic k above (test value 0, ..., chi-square 8)
            01            // * u8 column flags: bit 0 drifted
            00 00         // * u16 missing: values missing in the window
            00 01 00 00   // * i32 test value: per column, Q16: the statistic its test decides on
            00 01 00 00   // * i32 PSI
            00 02 00 00   // * i32 KL
            00 03 00 00   // * i32 Jensen-Shannon
            00 04 00 00   // * i32 Hellinger
            00 05 00 00   // * i32 total variation
            00 06 00 00   // * i32 KS
            00 07 00 00   // * i32 Wasserstein: normed by the reference std
            00 00 00 00   // * i32 chi-square
            00 00         // * u16 saturated: bit k, statistic k above (test value 0, ..., chi-square 8)
            00            // * u8 column flags: bit 0 drifted
            03 00         // * u16 missing: values missing in the window
            """),

        new("TelemetrySettings", "`telemetry`: what the board sends unasked for the rest of the session.",
            () => new TelemetrySettings { StatusIntervalMs = 500, Flags = 1 },
            () => new TelemetrySettings(), """
            F4 01         // u16 status interval ms: 0 no status telemetry
            01            // u8 flags: bit 0 window reports as windows close
            """),

        new("CaptureInfo", "`capture-info`, board to host (and the payload of a busy acknowledge).",
            () => new CaptureInfo { State = 2, Rows = 64, Columns = 65, FrozenAtWindow = 13 },
            () => new CaptureInfo(), """
            02            // u8 state: 0 idle, 1 armed, 2 frozen
            40 00         // u16 rows held
            41 00         // u16 columns: the profile's
            0D 00 00 00   // u32 frozen at window: 0 when not frozen
            """),

        new("CaptureReadRequest", "`capture-read`: rows of the capture.",
            () => new CaptureReadRequest { FirstRow = 0, Count = 64 },
            () => new CaptureReadRequest(), """
            00 00         // u16 first row
            40 00         // u16 row count: at most (the board sends what fits a frame)
            """),

        new("CapturePage", "`capture-read`, board to host: captured rows in the profile's fixed point.",
            () => new CapturePage { Columns = 2, Count = 2, Samples = [600, 601], Anomalous = [true, false], Values = [1, -2, int.MinValue, 7] },
            () => new CapturePage { Columns = 2 }, """
            58 02 00 00   // * u32 sample: per row, the sample's number
            01            // * u8 anomalous
            01 00 00 00   // * i32 value: one per profile column, its fixed point (categories by index, -2147483648 missing)
            FE FF FF FF   // *
            59 02 00 00   // * u32 sample: per row, the sample's number
            00            // * u8 anomalous
            00 00 00 80   // * i32 value: one per profile column, its fixed point (categories by index, -2147483648 missing)
            07 00 00 00   // *
            """),

        new("AcknowledgeRequest", "`acknowledge`: clear the alarm and release the capture the host stored. A board holding a frozen capture refuses (busy, with its capture-info) an acknowledge that does not name it.",
            () => new AcknowledgeRequest { StoredCaptureWindow = 13 },
            () => new AcknowledgeRequest(), """
            0D 00 00 00   // u32 stored capture window: the frozen-at window of the capture the host stored (0: none)
            """),

        new("ErrorText", "With bad-request, invalid-file or failed: the board's message.",
            () => new ErrorText { Text = "no drift profile loaded" },
            () => new ErrorText(), """
            6E 6F 20 64 72 69 66 74 20 70 72 6F 66 69 6C 65 20 6C 6F 61 64 65 64   // * ascii message: printable, up to 200 characters
            """),

        new("VersionReply", "With unsupported-version: the board's protocol version.",
            () => new VersionReply { ProtocolVersion = 2 },
            () => new VersionReply(), """
            02            // u8 protocol version
            """),

        new("OutOfOrderReply", "With out-of-order: the request id the board runs next. The host resends from there at once.",
            () => new OutOfOrderReply { ExpectedId = 7 },
            () => new OutOfOrderReply(), """
            07 00         // u16 expected request id
            """),

        new("StaleSessionReply", "With stale-session: the board's session.",
            () => new StaleSessionReply { BoardSession = 0 },
            () => new StaleSessionReply(), """
            00 00 00 00   // u32 board session: 0 none (it restarted since)
            """),
    ];

    public static Golden Of(string name) => All.Single(g => g.Name == name);
}
