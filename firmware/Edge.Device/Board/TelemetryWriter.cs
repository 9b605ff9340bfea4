using Edge.Device.Codec;
using Edge.Device.Drift;

namespace Edge.Device.Board
{
    /// <summary>
    /// Lays out the status record and window report pages (firmware/docs/link-protocol.md) into a
    /// frame payload. Shared by the `status` and `window` commands and by unsolicited telemetry.
    /// </summary>
    public static class TelemetryWriter
    {
        /// <summary>Bytes of a status record.</summary>
        public const int StatusBytes = 60;

        /// <summary>Bytes before the columns of a window report page, and per column.</summary>
        public const int WindowHeaderBytes = 22;
        public const int WindowColumnBytes = 37;

        /// <summary>Columns that fit one page of a window report.</summary>
        public const int ColumnsPerPage = (Link.LinkFrame.MaxPayload - WindowHeaderBytes) / WindowColumnBytes;

        public static int WriteStatus(byte[] b, int at, BoardRuntime board)
        {
            var rows = board.Rows;
            var link = board.Decoder;
            int start = at;
            at = U32(b, at, board.UptimeMilliseconds);
            at = U32(b, at, rows.Samples);
            at = U32(b, at, rows.Inferences);
            at = U32(b, at, rows.Anomalies);
            at = U32(b, at, rows.LastWindowMeanMicros);
            at = U32(b, at, rows.MaxInferenceMicros);
            at = U32(b, at, board.FreeMemory);
            byte[] id = board.ModelId;
            for (int i = 0; i < 8; i++) b[at + i] = id == null ? (byte)0 : id[i];
            at += 8;
            var drift = rows.Drift;
            at = U32(b, at, drift == null ? 0 : drift.WindowsCompleted);
            b[at++] = drift == null ? WindowVerdict.Clean : drift.Policy.LastVerdict;
            b[at++] = (byte)(drift != null && drift.Policy.Alarm ? 1 : 0);
            b[at++] = drift == null ? CaptureState.Idle : drift.Capture.State;
            b[at++] = (byte)((rows.Interpreter != null ? 1 : 0) | (drift != null ? 2 : 0));
            at = U32(b, at, link.Rejected);
            at = U32(b, at, link.CrcErrors);
            at = U32(b, at, link.Overlong);
            at = U32(b, at, board.Cache.Hits);
            return at - start;
        }

        /// <summary>Writes one page of the monitor's last window: columns first .. first+count-1 (count already capped to a page).</summary>
        public static int WriteWindow(byte[] b, int at, DriftMonitor monitor, int first, int count)
        {
            var r = monitor.LastWindow;
            var columns = monitor.Profile.Columns;
            int start = at;
            at = U32(b, at, monitor.WindowsCompleted);
            at = U16(b, at, r.Samples);
            at = U16(b, at, r.Anomalies);
            at = U16(b, at, r.DriftedFeatures);
            LittleEndian.WriteInt32(b, at, r.DriftShareQ16);
            at += 4;
            b[at++] = (byte)((r.DataDrift ? 1 : 0) | (r.PredictionDrift ? 2 : 0) | (r.Drifting ? 4 : 0) | (monitor.BurstChecked ? 8 : 0) | (monitor.Policy.Alarm ? 16 : 0));
            b[at++] = monitor.Policy.LastVerdict;
            at = U16(b, at, columns.Length);
            at = U16(b, at, first);
            at = U16(b, at, count);
            for (int c = first; c < first + count; c++)
            {
                at = I32(b, at, TestValue(columns[c].Test, r, c));
                at = I32(b, at, r.Psi[c]);
                at = I32(b, at, r.Kl[c]);
                at = I32(b, at, r.Js[c]);
                at = I32(b, at, r.Hellinger[c]);
                at = I32(b, at, r.Tvd[c]);
                at = I32(b, at, r.Ks[c]);
                at = I32(b, at, r.Wasserstein[c]);
                at = I32(b, at, r.ChiSquare[c]);
                b[at++] = (byte)(r.Drifted[c] ? 1 : 0);
            }
            return at - start;
        }

        /// <summary>The statistic the column's test decides on.</summary>
        public static int TestValue(byte test, DriftReport r, int c)
        {
            switch (test)
            {
                case DriftTest.Psi: return r.Psi[c];
                case DriftTest.KullbackLeibler: return r.Kl[c];
                case DriftTest.JensenShannon: return r.Js[c];
                case DriftTest.Hellinger: return r.Hellinger[c];
                case DriftTest.TotalVariation: return r.Tvd[c];
                case DriftTest.KolmogorovSmirnov: return r.Ks[c];
                case DriftTest.Wasserstein: return r.Wasserstein[c];
                case DriftTest.ChiSquare: return r.ChiSquare[c];
                case DriftTest.ZTest: return r.Z[c];
                default: return 0;
            }
        }

        private static int U32(byte[] b, int at, long value)
        {
            LittleEndian.WriteUInt32(b, at, (uint)value);
            return at + 4;
        }

        private static int I32(byte[] b, int at, int value)
        {
            LittleEndian.WriteInt32(b, at, value);
            return at + 4;
        }

        private static int U16(byte[] b, int at, int value)
        {
            LittleEndian.WriteUInt16(b, at, (ushort)value);
            return at + 2;
        }
    }
}
