namespace Edge.Hil.Plan;

/// <summary>The model exceeds what the board offers (staging, arena or heap): an outcome of the cell, not a failure.</summary>
public sealed class DoesNotFitException(string reason) : Exception(reason);
