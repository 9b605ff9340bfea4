namespace Edge.Device.Tests.NanoCompat;

/// <summary>What a scan found: rule violations, and the arrays the static constructors allocate with their heap cost.</summary>
public sealed record NanoScanReport(IReadOnlyList<NanoViolation> Violations, IReadOnlyList<(string Where, int Bytes)> StaticArrays)
{
    public int StaticArrayBytes => StaticArrays.Sum(a => a.Bytes);
}
