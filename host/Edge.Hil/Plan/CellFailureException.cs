namespace Edge.Hil.Plan;

/// <summary>
/// A cell attempt failed for a reason the harness understood (the message says what and where).
/// Not <see cref="Retryable"/> when another attempt cannot help (no nanoff, no image for this
/// firmware, an overcurrent): the cell is recorded as failed at once.
/// </summary>
public sealed class CellFailureException(string message, bool retryable = true, Exception? inner = null) : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;

    /// <summary>The monitor cut the board's supply: a board that draws too much does so again on the next attempt.</summary>
    public static CellFailureException Overcurrent() => new("the monitor reported an overcurrent and cut the board's supply", retryable: false);
}
