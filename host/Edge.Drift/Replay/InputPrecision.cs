namespace Edge.Drift.Replay;

/// <summary>
/// The precision measured values have when the board's code converts them to fixed point.
/// A board receives (or computes) float32; a data scientist's numpy works in double. The two
/// differ only for values within float32 rounding of a bin edge, which happens when a data file's
/// rounded decimals tie reference values (12 of 128 000 motor-flux test values).
/// </summary>
public enum InputPrecision
{
    /// <summary>As a board sees the data: each value rounded to float32 first (the default: replay equals the board).</summary>
    Float32,

    /// <summary>The data's double values converted directly: bins equal numpy's on the same edges.</summary>
    Double,
}
