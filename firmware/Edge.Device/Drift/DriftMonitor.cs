using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// The board's drift detector: one call per sample updates the tumbling-window, anomalous-
    /// subset and decayed histograms of every column (a binary search and a few increments per
    /// column, no allocation); when a window fills, it is evaluated, judged by the
    /// <see cref="DetectionPolicy"/>, the retraining <see cref="CaptureBuffer"/> is armed, frozen
    /// or disarmed, and the histograms restart.
    ///
    /// A row is one int per profile column: numeric values in the column's fixed point (see
    /// <see cref="Numerics.FixedPointInput"/>), categories as their index in the profile (anything
    /// else counts as unseen), prediction columns filled by the caller from the model.
    /// </summary>
    public sealed class DriftMonitor
    {
        private readonly DriftProfile _profile;
        private readonly WindowSketch _window;
        private readonly WindowSketch _anomalous;
        private readonly WindowSketch _normal;
        private readonly DecayedSketch _decayed;
        private readonly ColumnEvaluator _evaluator;
        private int _windowAnomalies;
        private readonly int[] _windowMissing;

        public DriftMonitor(DriftProfile profile) : this(profile, profile.Policy.WindowSize)
        {
        }

        public DriftMonitor(DriftProfile profile, int windowSize)
        {
            if (windowSize < 1 || windowSize > DriftProfileFormat.MaxWindow)
                throw new System.ArgumentOutOfRangeException("windowSize", "window size must be 1..65535 samples");
            _profile = profile;
            WindowSize = windowSize;
            _window = new WindowSketch(profile);
            _anomalous = new WindowSketch(profile);
            _normal = new WindowSketch(profile);
            _decayed = new DecayedSketch(profile, _window);
            _evaluator = new ColumnEvaluator(profile);
            LastWindow = new DriftReport(profile.Columns.Length);
            NormalOnly = new DriftReport(profile.Columns.Length);
            Continuous = new DriftReport(profile.Columns.Length);
            Policy = new DetectionPolicy(profile.Policy);
            Capture = new CaptureBuffer(profile.Policy.CaptureRows, profile.Columns.Length);
            _windowMissing = new int[profile.Columns.Length];
        }

        public DriftProfile Profile { get { return _profile; } }

        public int WindowSize { get; private set; }

        /// <summary>The last completed window.</summary>
        public DriftReport LastWindow { get; private set; }

        /// <summary>The last window's non-anomalous samples, evaluated when the burst check ran (see <see cref="BurstChecked"/>).</summary>
        public DriftReport NormalOnly { get; private set; }

        /// <summary>The decayed histogram, as of the last <see cref="EvaluateContinuous"/>.</summary>
        public DriftReport Continuous { get; private set; }

        public DetectionPolicy Policy { get; private set; }

        public CaptureBuffer Capture { get; private set; }

        /// <summary>True when the last window needed the anomaly-burst check.</summary>
        public bool BurstChecked;

        /// <summary>Samples observed since start.</summary>
        public long SamplesSeen;

        /// <summary>Windows completed since start.</summary>
        public int WindowsCompleted;

        /// <summary>Values missing (<see cref="Numerics.FixedPointInput.Missing"/>) since start, all columns.</summary>
        public long MissingValues;

        /// <summary>Samples in the window being filled.</summary>
        public int SamplesInWindow { get { return _window.Samples; } }

        /// <summary>Adds one row; returns true when it completed a window (then <see cref="LastWindow"/> and the policy are fresh).</summary>
        [HotPath]
        public bool Observe(int[] row, int offset, bool anomalous)
        {
            var columns = _profile.Columns;
            for (int c = 0; c < columns.Length; c++)
            {
                var col = columns[c];
                int value = row[offset + c];
                if (value == Numerics.FixedPointInput.Missing)
                {
                    _windowMissing[c]++;
                    MissingValues++;
                    continue;
                }
                int slot = SlotIndex.Of(col, value);
                _window.Add(col, c, slot, value);
                if (anomalous) _anomalous.Add(col, c, slot, value);
                _decayed.Add(c, slot);
            }
            _decayed.EndSample();
            _window.Samples++;
            if (anomalous)
            {
                _anomalous.Samples++;
                _windowAnomalies++;
            }
            Capture.Offer(row, offset, SamplesSeen, anomalous);
            SamplesSeen++;
            if (_window.Samples < WindowSize) return false;
            CloseWindow();
            return true;
        }

        /// <summary>Evaluates the decayed histogram into <see cref="Continuous"/> (any time, for continuous monitoring).</summary>
        [HotPath]
        public void EvaluateContinuous()
        {
            _evaluator.EvaluateDecayed(_decayed, Continuous);
        }

        /// <summary>An operator acknowledged the alarm and the host fetched the capture: start over.</summary>
        public void Acknowledge()
        {
            Policy.Acknowledge();
            Capture.Release();
        }

        /// <summary>
        /// State bytes per column that grow with the histogram: window and anomalous-subset counts
        /// (16-bit) and tail sums (64-bit, binned columns), decayed counts (16-bit). At 16 bins: 128.
        /// </summary>
        public static int StateBytesPerColumn(int slots, bool binned)
        {
            return 2 * (2 * slots + (binned ? 16 : 0)) + 2 * slots;
        }

        [HotPath]
        private void CloseWindow()
        {
            _evaluator.EvaluateWindow(_window, _windowAnomalies, LastWindow);
            BurstChecked = Policy.NeedsBurstCheck(LastWindow);
            bool explainedByBurst = false;
            if (BurstChecked)
            {
                _normal.SetDifference(_window, _anomalous);
                _evaluator.EvaluateWindow(_normal, 0, NormalOnly);
                explainedByBurst = !NormalOnly.Drifting;
            }
            WindowsCompleted++;
            System.Array.Copy(_windowMissing, LastWindow.Missing, _windowMissing.Length);
            System.Array.Clear(_windowMissing, 0, _windowMissing.Length);
            byte verdict = Policy.Judge(LastWindow.Drifting, explainedByBurst);
            // The capture starts with the first drifting window and freezes when drift is confirmed.
            if (verdict == WindowVerdict.Confirmed) Capture.Freeze(WindowsCompleted);
            else if (verdict == WindowVerdict.Drifting) Capture.Arm();
            else Capture.Disarm();
            _window.Clear();
            _anomalous.Clear();
            _windowAnomalies = 0;
        }
    }
}
