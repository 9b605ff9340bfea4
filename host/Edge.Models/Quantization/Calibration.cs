namespace Edge.Models.Quantization;

/// <summary>How activation ranges are chosen from the calibration data.</summary>
public enum Calibration
{
    /// <summary>The observed minimum and maximum (TFLite's converter default).</summary>
    MinMax,

    /// <summary>The clipping of the observed range that minimises the int8 round-trip error (<see cref="ClippingSearch"/>).</summary>
    Mse,
}
