using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// Turns per-window drift into a drift alarm the way the field does it: a window drifts when
    /// enough features drift (and, if configured, the prediction too); drift is confirmed only after
    /// N consecutive drifting windows, and the alarm clears after N consecutive windows that do
    /// not drift. A drifting window with a high anomaly rate whose non-anomalous samples do not
    /// drift is an anomaly burst, not drift: it breaks the run. An anomaly burst shorter than N
    /// windows therefore never raises the alarm, and neither does a longer one that leaves the
    /// normal samples alone.
    /// </summary>
    public sealed class DetectionPolicy
    {
        private readonly DriftPolicySettings _settings;

        public DetectionPolicy(DriftPolicySettings settings)
        {
            _settings = settings;
        }

        /// <summary>Consecutive drifting windows up to the last one judged.</summary>
        public int DriftingRun;

        /// <summary>Consecutive non-drifting windows while the alarm is raised.</summary>
        public int CleanRun;

        /// <summary>Drift confirmed and not yet cleared or acknowledged.</summary>
        public bool Alarm;

        public byte LastVerdict;

        public int WindowsJudged;

        /// <summary>Times the alarm went up.</summary>
        public int AlarmsRaised;

        /// <summary>Should the window's non-anomalous samples be checked before counting it as drift?</summary>
        [HotPath]
        public bool NeedsBurstCheck(DriftReport window)
        {
            if (!window.Drifting || window.Samples == 0) return false;
            long rateQ16 = ((long)window.Anomalies << 16) / window.Samples;
            long normalQ16 = ((long)(window.Samples - window.Anomalies) << 16) / window.Samples;
            return rateQ16 >= _settings.BurstRateQ16 && normalQ16 >= _settings.MinNormalShareQ16 && window.Anomalies > 0;
        }

        /// <summary>Judges a window; <paramref name="explainedByBurst"/> is true when its normal samples alone do not drift.</summary>
        [HotPath]
        public byte Judge(bool drifting, bool explainedByBurst)
        {
            WindowsJudged++;
            byte verdict;
            if (drifting && !explainedByBurst)
            {
                DriftingRun++;
                CleanRun = 0;
                if (DriftingRun >= _settings.ConsecutiveWindows)
                {
                    if (!Alarm) AlarmsRaised++;
                    Alarm = true;
                    verdict = WindowVerdict.Confirmed;
                }
                else
                {
                    verdict = WindowVerdict.Drifting;
                }
            }
            else
            {
                DriftingRun = 0;
                if (Alarm && ++CleanRun >= _settings.ConsecutiveWindows)
                {
                    Alarm = false;
                    CleanRun = 0;
                }
                verdict = drifting ? WindowVerdict.AnomalyBurst : WindowVerdict.Clean;
            }
            LastVerdict = verdict;
            return verdict;
        }

        /// <summary>An operator acknowledged the alarm: clear it; the drifting run starts again.</summary>
        public void Acknowledge()
        {
            Alarm = false;
            DriftingRun = 0;
            CleanRun = 0;
        }
    }
}
