namespace Edge.Device.Model
{
    /// <summary>
    /// Layout constants of the .edgem model file (spec: firmware/docs/model-format.md). One place
    /// for the magic, the version and the fixed offsets, so the reader and the host writer agree.
    /// </summary>
    public static class EdgeModelFormat
    {
        /// <summary>"EDGM" read as a little-endian uint32.</summary>
        public const uint Magic = 0x4D474445;

        /// <summary>The only format version this reader understands; a newer file is rejected, not guessed at.</summary>
        public const int Version = 1;

        public const int HeaderSize = 32;
        public const int SectionEntrySize = 12;
        public const int TrailerSize = 4;

        // Header field offsets.
        public const int MagicOffset = 0;
        public const int VersionOffset = 4;
        public const int FlagsOffset = 6;
        public const int HeaderSizeOffset = 8;
        public const int SectionCountOffset = 10;
        public const int FileLengthOffset = 12;
        public const int ModelIdOffset = 16;
        public const int ModelIdLength = 8;
        public const int ReservedOffset = 24;
        public const int ReservedLength = 8;

        /// <summary>Flags bits 0-3: the integer arithmetic the file was quantised for.</summary>
        public const int ArithmeticMask = 0x000F;

        /// <summary>TFLite Micro's default: gemmlowp doubling high multiply, then rounding right shift.</summary>
        public const int ArithmeticTflmDoubleRounding = 0;

        /// <summary>Section flag: a reader that does not know the section must reject the file.</summary>
        public const int SectionRequired = 0x0001;

        /// <summary>Upper bound on counts read from a file, so a corrupt count cannot ask for a huge allocation.</summary>
        public const int MaxCount = 1 << 20;

        public const int MaxRank = 4;
    }
}
