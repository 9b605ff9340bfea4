using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// Evaluates every metric of every column of one histogram into a <see cref="DriftReport"/>,
    /// decides each column by its test and the window by the policy's drift share and combine
    /// mode. Owns the scratch arrays (sized for the profile's widest column), so evaluation
    /// allocates nothing.
    /// </summary>
    public sealed class ColumnEvaluator
    {
        private readonly DriftProfile _profile;
        private readonly HistogramView _view = new HistogramView();
        private readonly long[] _share;
        private readonly long[] _substShare;
        private readonly long[] _lnSubstShare;

        public ColumnEvaluator(DriftProfile profile)
        {
            _profile = profile;
            _share = new long[profile.MaxSlots];
            _substShare = new long[profile.MaxSlots];
            _lnSubstShare = new long[profile.MaxSlots];
        }

        /// <summary>Evaluates a tumbling window's counts (one per sample, tail sums known).</summary>
        [HotPath]
        public void EvaluateWindow(WindowSketch sketch, int anomalies, DriftReport report)
        {
            var columns = _profile.Columns;
            for (int c = 0; c < columns.Length; c++)
            {
                Point(sketch.Counts, sketch.Offsets[c], columns[c].Slots, 0);
                _view.TailsKnown = true;
                _view.TailLow = sketch.TailLow[c];
                _view.TailHigh = sketch.TailHigh[c];
                EvaluateColumn(columns[c], report, c);
            }
            Summarise(report, sketch.Samples, anomalies);
        }

        /// <summary>Evaluates the decayed histogram (sixteenths of a sample, no tail sums).</summary>
        [HotPath]
        public void EvaluateDecayed(DecayedSketch sketch, DriftReport report)
        {
            var columns = _profile.Columns;
            int samples = 0;
            for (int c = 0; c < columns.Length; c++)
            {
                Point(sketch.Counts, sketch.Offsets[c], columns[c].Slots, DriftProfileFormat.DecayedUnitShift);
                _view.TailsKnown = false;
                EvaluateColumn(columns[c], report, c);
                samples = (int)(_view.Total >> DriftProfileFormat.DecayedUnitShift);
            }
            Summarise(report, samples, 0);
        }

        [HotPath]
        private void Point(ushort[] counts, int at, int slots, int unitShift)
        {
            _view.Counts = counts;
            _view.At = at;
            _view.Slots = slots;
            _view.UnitShift = unitShift;
            long total = 0;
            for (int i = 0; i < slots; i++) total += counts[at + i];
            _view.Total = total;
        }

        [HotPath]
        private void EvaluateColumn(ProfileColumn col, DriftReport report, int c)
        {
            if (_view.Total == 0)
            {
                ClearColumn(report, c);
                return;
            }
            long substSum = Divergences.PrepareShares(_view, _share, _substShare, _lnSubstShare);
            report.Psi[c] = Divergences.Psi(col, col.Slots, _substShare, _lnSubstShare);
            report.Kl[c] = Divergences.Kl(col, col.Slots, _lnSubstShare, substSum);
            report.Js[c] = Divergences.JensenShannon(col, _view, _share);
            report.Hellinger[c] = Divergences.Hellinger(col, col.Slots, _share);
            report.Tvd[c] = Divergences.TotalVariation(col, _view);
            if (col.IsBinned)
            {
                KolmogorovSmirnov.Evaluate(col, _view, _profile.Policy.KsCoefficientQ16, report, c);
                BinnedWasserstein.Evaluate(col, _view, report, c);
                report.ChiSquare[c] = 0;
                report.Z[c] = 0;
            }
            else
            {
                report.Ks[c] = 0;
                report.KsUpper[c] = 0;
                report.KsCritical[c] = 0;
                report.Wasserstein[c] = 0;
                report.WassersteinBound[c] = 0;
                report.ChiSquare[c] = CategoricalTests.ChiSquare(col, _view, _share);
                report.Z[c] = col.Slots == 3 ? CategoricalTests.Z(col, _view, _share) : 0;
            }
            report.Drifted[c] = Decide(col, _profile.Policy.ZCriticalQ16, report, c);
        }

        /// <summary>The column's test: distances at or above the threshold; KS, chi-square, |Z| beyond the critical value.</summary>
        [HotPath]
        public static bool Decide(ProfileColumn col, int zCriticalQ16, DriftReport report, int c)
        {
            switch (col.Test)
            {
                case DriftTest.Psi: return report.Psi[c] >= col.ThresholdQ16;
                case DriftTest.KullbackLeibler: return report.Kl[c] >= col.ThresholdQ16;
                case DriftTest.JensenShannon: return report.Js[c] >= col.ThresholdQ16;
                case DriftTest.Hellinger: return report.Hellinger[c] >= col.ThresholdQ16;
                case DriftTest.TotalVariation: return report.Tvd[c] >= col.ThresholdQ16;
                case DriftTest.KolmogorovSmirnov: return report.Ks[c] > report.KsCritical[c];
                case DriftTest.Wasserstein: return report.Wasserstein[c] >= col.ThresholdQ16;
                case DriftTest.ChiSquare: return report.ChiSquare[c] > col.CriticalQ16;
                case DriftTest.ZTest: return report.Z[c] > zCriticalQ16 || -report.Z[c] > zCriticalQ16;
                default: return false;
            }
        }

        [HotPath]
        private static void ClearColumn(DriftReport report, int c)
        {
            report.Psi[c] = 0;
            report.Kl[c] = 0;
            report.Js[c] = 0;
            report.Hellinger[c] = 0;
            report.Tvd[c] = 0;
            report.Ks[c] = 0;
            report.KsUpper[c] = 0;
            report.KsCritical[c] = 0;
            report.Wasserstein[c] = 0;
            report.WassersteinBound[c] = 0;
            report.ChiSquare[c] = 0;
            report.Z[c] = 0;
            report.Drifted[c] = false;
        }

        [HotPath]
        private void Summarise(DriftReport report, int samples, int anomalies)
        {
            var columns = _profile.Columns;
            int driftedFeatures = 0;
            bool predictionDrift = false;
            bool any = false;
            for (int c = 0; c < columns.Length; c++)
            {
                if (!report.Drifted[c]) continue;
                any = true;
                if (ColumnKind.IsPrediction(columns[c].Kind)) predictionDrift = true;
                else driftedFeatures++;
            }
            report.Samples = samples;
            report.Anomalies = anomalies;
            report.DriftedFeatures = driftedFeatures;
            report.DriftShareQ16 = _profile.FeatureCount == 0 ? 0 : (int)(((long)driftedFeatures << 16) / _profile.FeatureCount);
            report.DataDrift = driftedFeatures > 0 && report.DriftShareQ16 >= _profile.Policy.DriftShareQ16;
            report.PredictionDrift = predictionDrift;
            report.AnyColumnDrifted = any;
            report.Drifting = CombineMode.Combine(_profile.Policy.CombineMode, report.DataDrift, predictionDrift);
        }
    }
}
