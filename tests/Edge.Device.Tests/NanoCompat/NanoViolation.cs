namespace Edge.Device.Tests.NanoCompat;

/// <summary>One thing in a compiled device assembly that nanoCLR 1.x (or the board's rules) cannot accept.</summary>
public sealed record NanoViolation(string Rule, string Where, string Detail)
{
    public override string ToString() => $"[{Rule}] {Where}: {Detail}";
}
