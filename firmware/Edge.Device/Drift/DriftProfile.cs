namespace Edge.Device.Drift
{
    /// <summary>A parsed drift reference profile: reference size, policy settings and columns, ready for a <see cref="DriftMonitor"/>.</summary>
    public sealed class DriftProfile
    {
        public DriftProfile(long referenceRows, DriftPolicySettings policy, ProfileColumn[] columns)
        {
            ReferenceRows = referenceRows;
            Policy = policy;
            Columns = columns;
            int features = 0;
            int maxSlots = 0;
            for (int i = 0; i < columns.Length; i++)
            {
                if (!ColumnKind.IsPrediction(columns[i].Kind)) features++;
                if (columns[i].Slots > maxSlots) maxSlots = columns[i].Slots;
            }
            FeatureCount = features;
            MaxSlots = maxSlots;
        }

        /// <summary>Rows the reference statistics were computed from.</summary>
        public long ReferenceRows { get; private set; }

        public DriftPolicySettings Policy { get; private set; }

        public ProfileColumn[] Columns { get; private set; }

        /// <summary>Columns that are input features (not predictions): the denominator of the dataset-drift share.</summary>
        public int FeatureCount { get; private set; }

        /// <summary>The most slots any column has: sizes the evaluator's scratch space.</summary>
        public int MaxSlots { get; private set; }

        /// <summary>Index of the column with this name (ordinal match), or -1.</summary>
        public int IndexOf(string name)
        {
            for (int i = 0; i < Columns.Length; i++)
            {
                if (Columns[i].Name == name) return i;
            }
            return -1;
        }
    }
}
