namespace Edge.Device.Drift
{
    /// <summary>
    /// Constants of the drift reference profile file (".edgp"), version 1. The layout is specified
    /// in firmware/docs/drift-profile-format.md; the reader is <see cref="DriftProfileReader"/>, the
    /// writer lives on the host (host/Edge.Drift/ProfileWriter.cs). All integers little-endian.
    /// </summary>
    public static class DriftProfileFormat
    {
        /// <summary>"EDGP" as the first four bytes.</summary>
        public const uint Magic = 0x50474445;

        public const ushort Version = 1;

        /// <summary>Bytes before the column records.</summary>
        public const int HeaderBytes = 56;

        /// <summary>The trailing CRC-32 of every byte before it.</summary>
        public const int TrailerBytes = 4;

        public const int MinBins = 2;

        public const int MaxBins = 64;

        public const int MaxCategories = 63;

        public const int MaxColumns = 1024;

        /// <summary>Largest tumbling window: counts are 16-bit.</summary>
        public const int MaxWindow = 65535;

        /// <summary>The decayed histogram counts each sample as 16 (Q4), in 16-bit cells.</summary>
        public const int DecayedUnitShift = 4;

        /// <summary>Steady-state decayed total (block * 2^shift samples, times 16) must fit 16 bits.</summary>
        public const int MaxDecayedTotal = 65535;
    }
}
