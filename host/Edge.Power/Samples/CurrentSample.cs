namespace Edge.Power.Samples;

/// <summary>
/// One current reading: seconds since the first sample of the acquisition (sample index divided by
/// the sampling rate) and the current in amperes.
/// </summary>
public readonly record struct CurrentSample(double Seconds, double Amperes);
