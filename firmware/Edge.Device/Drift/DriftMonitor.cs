using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// The board's drift detector: one call per sample updates the tumbling-window, anomalous-
    /// subset and decayed histograms of every column (a binary search and a few increments per
    /// column, no allocation; natively when the firmware has the native code, see
    /// <see cref="SampleUpdate"/>); when a window fills, it is evaluated, judged by the
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
        private readonly SampleUpdate _update;
        private readonly ColumnEvaluator _evaluator;
        private int _windowAnomalies;
        private readonly int[] _windowMissing;

        public DriftMonitor(DriftProfile profile) : this(profile, profile.Policy.WindowSize)
        {
        }

        /// <summary>A monitor whose per-sample update runs natively when the firmware has the native code.</summary>
        public DriftMonitor(DriftProfile profile, int windowSize) : this(profile, windowSize, NativeCode.IsAvailable)
        {
        }

        /// <summary>A monitor whose per-sample update is the native one when <paramref name="native"/> (which must then be available), else the managed one.</summary>
        public DriftMonitor(DriftProfile profile, int windowSize, bool native) : this(profile, windowSize, null, native)
        {
        }

        /// <summary>A monitor whose per-sample update <paramref name="updates"/> makes; null takes the default (native when the firmware has the native code).</summary>
        public DriftMonitor(DriftProfile profile, int windowSize, SampleUpdateFactory updates) : this(profile, windowSize, updates, updates == null && NativeCode.IsAvailable)
        {
        }

        private DriftMonitor(DriftProfile profile, int windowSize, SampleUpdateFactory updates, bool native)
        {
            if (windowSize < 1 || windowSize > DriftProfileFormat.MaxWindow)
                throw new System.ArgumentOutOfRangeException("windowSize", "window size must be 1..65535 samples");
            _profile = profile;
            WindowSize = windowSize;
            _window = new WindowSketch(profile);
            _anomalous = new WindowSketch(profile);
            _normal = new WindowSketch(profile);
            _decayed = new DecayedSketch(profile, _window);
            _update = updates != null ? updates.Create(profile, _window, _anomalous, _decayed) : SampleUpdate.Create(profile, _window, _anomalous, _decayed, native);
            _evaluator = new ColumnEvaluator(profile);
            LastWindow = new DriftReport(profile.Columns.Length);
            NormalOnly = new DriftReport(profile.Columns.Length);
            Continuous = new DriftReport(profile.Columns.Length);
            Policy = new DetectionPolicy(profile.Policy);
            Capture = new CaptureBuffer(profile.Policy.CaptureRows, profile.Columns.Length);
            _windowMissing = new int[profile.Columns.Length];
        }

        public DriftProfile Profile { get { return _profile; } }

        /// <summary>The per-sample update this monitor runs ("managed", "native", or what a host's factory made).</summary>
        public SampleUpdate Update { get { return _update; } }

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
            MissingValues += _update.Add(row, offset, anomalous, _windowMissing);
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
