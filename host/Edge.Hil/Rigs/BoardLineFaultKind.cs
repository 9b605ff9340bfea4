namespace Edge.Hil.Rigs;

/// <summary>A fault on a simulated board's line.</summary>
public enum BoardLineFaultKind
{
    /// <summary>The board stops answering (bytes to and from it are dropped): a hung board.</summary>
    Silent,

    /// <summary>Random bytes are inserted into what the board sends: a noisy line the link protocol must survive.</summary>
    Garbage,
}
