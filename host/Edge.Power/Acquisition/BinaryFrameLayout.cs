namespace Edge.Power.Acquisition;

/// <summary>
/// Total lengths of the `0xF0 0xFn ... 0xFF 0xFF` metadata frames of `format bin_hexa`, header
/// and terminator included. The two monitors differ: the V3PWR's overcurrent frame is 8 bytes
/// and it adds types F8..FB (hil-stlink-v3pwr.md §1.7).
/// </summary>
public sealed class BinaryFrameLayout
{
    /// <summary>A text frame (F1 error, F2 info) whose end is the first `FF FF`.</summary>
    public const int Variable = -1;

    /// <summary>Longest text frame accepted before the decoder gives up and resynchronises.</summary>
    public const int MaxVariableLength = 256;

    private readonly int[] lengthByType; // index = type byte - 0xF0; 0 = not a frame type

    private BinaryFrameLayout(string name, int[] lengthByType)
    {
        Name = name;
        this.lengthByType = lengthByType;
    }

    public string Name { get; }

    /// <summary>X-NUCLEO-LPM01A: F1..F7.</summary>
    public static BinaryFrameLayout Lpm01a { get; } = new("LPM01A",
        [0, Variable, Variable, 9, 4, 4, 4, 6, 0, 0, 0, 0, 0, 0, 0, 0]);

    /// <summary>STLINK-V3PWR: F1..FB, F5 carries 4 payload bytes.</summary>
    public static BinaryFrameLayout StlinkV3Pwr { get; } = new("STLINK-V3PWR",
        [0, Variable, Variable, 9, 4, 8, 4, 6, 6, 5, 4, 4, 0, 0, 0, 0]);

    /// <summary>The frame length for a type byte, <see cref="Variable"/>, or 0 when the byte is no frame type.</summary>
    public int LengthOf(byte type) => type >= 0xF0 ? lengthByType[type - 0xF0] : 0;

    public bool IsFrameType(byte type) => LengthOf(type) != 0;
}
