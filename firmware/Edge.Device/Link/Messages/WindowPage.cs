using Edge.Device.Codec;
using Edge.Device.Drift;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>
    /// A page of a drift window's report: the `window` reply and telemetry kind 2. The window's
    /// figures, then per column its statistics (Q16), which of them are saturated (32768 or more,
    /// or infinite: the number itself is then only a bound), whether its test fired, and how many
    /// of its values were missing. A report wider than a frame is sent as several pages.
    /// Column arrays are indexed by column (First .. First+Count-1); on a board they are the drift
    /// monitor's own arrays, so a page is written without copying.
    /// </summary>
    public sealed class WindowPage : LinkMessage
    {
        // Statistics in page order.
        public const int TestValue = 0;
        public const int Psi = 1;
        public const int Kl = 2;
        public const int Js = 3;
        public const int Hellinger = 4;
        public const int Tvd = 5;
        public const int Ks = 6;
        public const int Wasserstein = 7;
        public const int ChiSquare = 8;
        public const int StatisticCount = 9;

        public const int DataDriftFlag = 1;
        public const int PredictionDriftFlag = 2;
        public const int DriftingFlag = 4;
        public const int BurstCheckedFlag = 8;
        public const int AlarmFlag = 16;

        public const int HeaderBytes =
            4     // window index
            + 2   // samples
            + 2   // anomalies
            + 2   // drifted features
            + 4   // drift share Q16
            + 1   // flags
            + 1   // verdict
            + 2   // columns in the report
            + 2   // first column
            + 2;  // columns in this page

        public const int ColumnBytes =
            4 * StatisticCount // statistics, Q16
            + 2                // saturated statistics, one bit each
            + 1                // column flags: bit 0 drifted
            + 2;               // missing values

        /// <summary>Columns that fit one page.</summary>
        public const int ColumnsPerPage = (LinkFrame.MaxPayload - HeaderBytes) / ColumnBytes;

        /// <summary>Windows completed when this window closed (1 for the first; 0: no window yet).</summary>
        public long Index;
        public int Samples;
        public int Anomalies;
        public int DriftedFeatures;
        public int DriftShareQ16;
        public int Flags;
        public int Verdict;
        public int TotalColumns;
        public int First;
        public int Count;

        /// <summary>Values[statistic][column].</summary>
        public readonly int[][] Values = new int[StatisticCount][];

        /// <summary>Per column, bit k: statistic k is saturated.</summary>
        public ushort[] Saturated = new ushort[0];
        public bool[] Drifted = new bool[0];
        public int[] Missing = new int[0];

        private int[] _testValues = new int[0];

        public WindowPage()
        {
            for (int k = 0; k < StatisticCount; k++) Values[k] = new int[0];
        }

        public bool Flag(int flag) { return (Flags & flag) != 0; }

        public bool IsSaturated(int statistic, int column) { return (Saturated[column] & (1 << statistic)) != 0; }

        /// <summary>
        /// Points the page at a monitor's last window, columns first .. first+count-1 (count within
        /// a page). Allocates only when a profile wider than any before is loaded.
        /// </summary>
        public void Fill(DriftMonitor monitor, int first, int count)
        {
            var report = monitor.LastWindow;
            var columns = monitor.Profile.Columns;
            if (_testValues.Length < columns.Length) _testValues = new int[columns.Length];
            for (int c = first; c < first + count; c++) _testValues[c] = TestStatistic(columns[c].Test, report, c);
            Index = monitor.WindowsCompleted;
            Samples = report.Samples;
            Anomalies = report.Anomalies;
            DriftedFeatures = report.DriftedFeatures;
            DriftShareQ16 = report.DriftShareQ16;
            Flags = (report.DataDrift ? DataDriftFlag : 0) | (report.PredictionDrift ? PredictionDriftFlag : 0) | (report.Drifting ? DriftingFlag : 0)
                | (monitor.BurstChecked ? BurstCheckedFlag : 0) | (monitor.Policy.Alarm ? AlarmFlag : 0);
            Verdict = monitor.Policy.LastVerdict;
            TotalColumns = columns.Length;
            First = first;
            Count = count;
            Values[TestValue] = _testValues;
            Values[Psi] = report.Psi;
            Values[Kl] = report.Kl;
            Values[Js] = report.Js;
            Values[Hellinger] = report.Hellinger;
            Values[Tvd] = report.Tvd;
            Values[Ks] = report.Ks;
            Values[Wasserstein] = report.Wasserstein;
            Values[ChiSquare] = report.ChiSquare;
            Drifted = report.Drifted;
            Missing = report.Missing;
        }

        [HotPath]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U32(b, at, Index, "window index");
            at = FieldWriter.U16(b, at, Samples, "samples");
            at = FieldWriter.U16(b, at, Anomalies, "anomalies");
            at = FieldWriter.U16(b, at, DriftedFeatures, "drifted features");
            at = FieldWriter.I32(b, at, DriftShareQ16);
            at = FieldWriter.U8(b, at, Flags, "flags");
            at = FieldWriter.U8(b, at, Verdict, "verdict");
            at = FieldWriter.U16(b, at, TotalColumns, "columns in the report");
            at = FieldWriter.U16(b, at, First, "first column");
            if (Count > ColumnsPerPage) throw new System.ArgumentOutOfRangeException("columns in this page", "more than a page holds");
            at = FieldWriter.U16(b, at, Count, "columns in this page");
            for (int c = First; c < First + Count; c++)
            {
                int saturated = 0;
                for (int k = 0; k < StatisticCount; k++)
                {
                    int value = Values[k][c];
                    at = FieldWriter.I32(b, at, value);
                    if (value == DriftReport.Saturated) saturated |= 1 << k;
                }
                at = FieldWriter.U16(b, at, saturated, "saturated");
                at = FieldWriter.U8(b, at, Drifted[c] ? 1 : 0, "column flags");
                at = FieldWriter.U16(b, at, Missing[c], "missing values");
            }
            return at - start;
        }

        /// <summary>Reads a page into arrays of its own (host side; allocates).</summary>
        public override void Read(ByteReader r)
        {
            Index = r.ReadUInt32("window index");
            Samples = r.ReadUInt16("samples");
            Anomalies = r.ReadUInt16("anomalies");
            DriftedFeatures = r.ReadUInt16("drifted features");
            DriftShareQ16 = r.ReadInt32("drift share");
            Flags = r.ReadByte("flags");
            Verdict = r.ReadByte("verdict");
            TotalColumns = r.ReadUInt16("columns in the report");
            First = r.ReadUInt16("first column");
            Count = r.ReadUInt16("columns in this page");
            if (Count > ColumnsPerPage || First + Count > TotalColumns) throw r.Fail("a page of " + Count.ToString() + " columns from " + First.ToString() + " in a report of " + TotalColumns.ToString());
            int size = First + Count;
            for (int k = 0; k < StatisticCount; k++) Values[k] = new int[size];
            Saturated = new ushort[size];
            Drifted = new bool[size];
            Missing = new int[size];
            for (int c = First; c < size; c++)
            {
                for (int k = 0; k < StatisticCount; k++) Values[k][c] = r.ReadInt32("statistic");
                Saturated[c] = r.ReadUInt16("saturated");
                Drifted[c] = (r.ReadByte("column flags") & 1) != 0;
                Missing[c] = r.ReadUInt16("missing values");
            }
            r.ExpectEnd("window page");
        }

        /// <summary>The statistic a column's test decides on (DriftTest), from a report.</summary>
        [HotPath]
        public static int TestStatistic(byte test, DriftReport r, int c)
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
    }
}
