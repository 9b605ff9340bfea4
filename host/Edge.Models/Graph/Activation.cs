namespace Edge.Models.Graph;

/// <summary>A clamp fused into a linear op (ReLU, ReLU6, Clip): output = clamp(value, Min, Max).</summary>
public readonly record struct Activation(double Min, double Max)
{
    public static readonly Activation None = new(double.NegativeInfinity, double.PositiveInfinity);

    public bool IsNone => double.IsNegativeInfinity(Min) && double.IsPositiveInfinity(Max);

    public float Apply(double value) => (float)Math.Clamp(value, Min, Max);

    public Activation Then(Activation next) => new(Math.Max(Min, next.Min), Math.Min(Max, next.Max));

    public override string ToString() =>
        IsNone ? "" : Min == 0 && double.IsPositiveInfinity(Max) ? "Relu" : $"Clip[{Min:G4},{Max:G4}]";
}
