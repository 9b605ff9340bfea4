using Edge.Device.Drift;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Device.Numerics;
using Edge.Device.Runtime;

namespace Edge.Device.Board
{
    /// <summary>
    /// What the board does with one sample row: runs the model on its input columns (the trigger
    /// pin high for the inference's duration, timed by the clock), flags the sample anomalous by
    /// the configured rule, converts the drift columns (and the model's output where the layout
    /// says so) to the profile's fixed point and updates the drift monitor. Buffers are sized when
    /// the model, profile or layout change; a row allocates nothing.
    /// </summary>
    public sealed class RowPipeline
    {
        private readonly IClock _clock;
        private readonly ITriggerPin _pin;
        private float[] _output = new float[0];
        private int[] _driftRow = new int[0];
        private short[] _driftSource = new short[0];
        private int[] _classSlot = new int[0];

        public RowPipeline(IClock clock, ITriggerPin pin)
        {
            _clock = clock;
            _pin = pin;
        }

        public Interpreter Interpreter { get; private set; }

        public DriftMonitor Drift { get; private set; }

        /// <summary>Values per row, where the model input starts, the anomaly rule and its threshold (configure-rows).</summary>
        public int RowWidth;
        public int ModelInputStart;
        public byte Rule;
        public float Threshold;

        // Counters for telemetry.
        public long Samples;
        public long Inferences;
        public long Anomalies;
        public long WindowInferenceMicros;
        public int WindowInferences;
        public int LastWindowMeanMicros;
        public int MaxInferenceMicros;

        /// <summary>Takes a new model (or none); the layout falls back to the model input alone.</summary>
        public void SetModel(Interpreter interpreter)
        {
            Interpreter = interpreter;
            _output = interpreter == null ? new float[0] : new float[interpreter.OutputsLength];
            RowWidth = interpreter == null ? 0 : interpreter.InputsLength;
            ModelInputStart = 0;
            ClearDriftLayout();
        }

        /// <summary>Takes a new drift profile (or none); drift columns stay unmapped until the host configures rows.</summary>
        public void SetDrift(DriftMonitor monitor)
        {
            Drift = monitor;
            ClearDriftLayout();
        }

        /// <summary>Row layout from the host; returns an error message, or null when accepted.</summary>
        public string Configure(int rowWidth, int modelInputStart, byte rule, float threshold, short[] driftSource)
        {
            if (!AnomalyRule.IsValid(rule)) return "unknown anomaly rule";
            if (Interpreter != null && (modelInputStart < 0 || modelInputStart + Interpreter.InputsLength > rowWidth))
                return "the model input does not fit in the row";
            if ((rule == AnomalyRule.OutputAtLeast || rule == AnomalyRule.OutputBelow) && Interpreter == null) return "the anomaly rule needs a model";
            if (rule == AnomalyRule.OutOfProfile && Drift == null) return "the out-of-profile rule needs a drift profile";
            int columns = Drift == null ? 0 : Drift.Profile.Columns.Length;
            if (driftSource.Length != columns) return "the layout names " + driftSource.Length.ToString() + " drift columns, the profile has " + columns.ToString();
            for (int c = 0; c < driftSource.Length; c++)
            {
                int source = driftSource[c];
                if (source >= rowWidth || source < -2) return "drift column " + c.ToString() + " maps outside the row";
                if (source < 0 && Interpreter == null) return "drift column " + c.ToString() + " maps to a model output, and no model is loaded";
            }
            RowWidth = rowWidth;
            ModelInputStart = modelInputStart;
            Rule = rule;
            Threshold = threshold;
            _driftSource = driftSource;
            _driftRow = new int[columns];
            _classSlot = PredictedClassSlots();
            return null;
        }

        /// <summary>
        /// Processes one row (floats, and the same values as IEEE-754 bit patterns for tree models);
        /// returns true when it completed a drift window.
        /// </summary>
        [NoAlloc]
        public bool Process(float[] row, int[] bits, int offset)
        {
            Samples++;
            bool anomalous = false;
            if (Interpreter != null)
            {
                Interpreter.SetInputs(row, bits, offset + ModelInputStart);
                TimedInvoke();
                Interpreter.GetOutputs(_output, 0);
                if (Rule == AnomalyRule.OutputAtLeast) anomalous = _output[0] >= Threshold;
                else if (Rule == AnomalyRule.OutputBelow) anomalous = _output[0] < Threshold;
            }
            if (Drift == null || _driftRow.Length == 0)
            {
                if (anomalous) Anomalies++;
                return false;
            }
            FillDriftRow(row, offset);
            if (Rule == AnomalyRule.OutOfProfile) anomalous = OutOfProfile.Check(Drift.Profile, _driftRow, 0);
            if (anomalous) Anomalies++;
            if (!Drift.Observe(_driftRow, 0, anomalous)) return false;
            LastWindowMeanMicros = WindowInferences == 0 ? 0 : (int)(WindowInferenceMicros / WindowInferences);
            WindowInferenceMicros = 0;
            WindowInferences = 0;
            return true;
        }

        /// <summary>
        /// Runs the model once on the inputs already set, with the trigger pin high for exactly the
        /// inference, and returns its duration in microseconds by the board's clock.
        /// </summary>
        [NoAlloc]
        public long TimedInvoke()
        {
            long start = _clock.Microseconds;
            _pin.High();
            Interpreter.Invoke();
            _pin.Low();
            long micros = _clock.Microseconds - start;
            Inferences++;
            WindowInferences++;
            WindowInferenceMicros += micros;
            if (micros > MaxInferenceMicros) MaxInferenceMicros = (int)micros;
            return micros;
        }

        /// <summary>The last inference's outputs (dequantised).</summary>
        public float[] Output { get { return _output; } }

        [NoAlloc]
        private void FillDriftRow(float[] row, int offset)
        {
            var columns = Drift.Profile.Columns;
            for (int c = 0; c < _driftRow.Length; c++)
            {
                var col = columns[c];
                int source = _driftSource[c];
                if (col.IsBinned)
                {
                    float value = source >= 0 ? row[offset + source] : _output[0];
                    _driftRow[c] = FixedPointInput.FromFloat(value, col.Shift);
                }
                else if (source == -2)
                {
                    int predicted = PredictedClass();
                    _driftRow[c] = predicted < _classSlot.Length ? _classSlot[predicted] : -1;
                }
                else
                {
                    float value = source >= 0 ? row[offset + source] : _output[0];
                    // Categories travel as their index in the profile; NaN is a missing value,
                    // anything else unseen.
                    _driftRow[c] = Codec.FloatBits.IsNaN(value) ? FixedPointInput.Missing : value >= 0 && value < col.Slots - 1 ? (int)value : -1;
                }
            }
        }

        /// <summary>Argmax of the outputs, or for a single score 1 when it is at least 0.5.</summary>
        [NoAlloc]
        private int PredictedClass()
        {
            if (_output.Length == 1) return _output[0] >= 0.5f ? 1 : 0;
            int best = 0;
            for (int i = 1; i < _output.Length; i++)
            {
                if (_output[i] > _output[best]) best = i;
            }
            return best;
        }

        /// <summary>For a predicted-class drift column: the profile slot of class index i (categories named "0", "1", ...).</summary>
        private int[] PredictedClassSlots()
        {
            int classes = _output.Length == 1 ? 2 : _output.Length;
            var slots = new int[classes];
            for (int i = 0; i < classes; i++) slots[i] = -1;
            if (Drift == null) return slots;
            var columns = Drift.Profile.Columns;
            for (int c = 0; c < columns.Length; c++)
            {
                if (columns[c].Kind != ColumnKind.PredictedClass) continue;
                for (int i = 0; i < classes; i++)
                {
                    for (int k = 0; k < columns[c].Categories.Length; k++)
                    {
                        if (columns[c].Categories[k] == i.ToString()) slots[i] = k;
                    }
                }
            }
            return slots;
        }

        private void ClearDriftLayout()
        {
            _driftSource = new short[0];
            _driftRow = new int[0];
            _classSlot = new int[0];
            if (Rule == AnomalyRule.OutOfProfile) Rule = AnomalyRule.None;
        }
    }
}
