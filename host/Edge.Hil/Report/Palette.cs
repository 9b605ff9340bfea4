namespace Edge.Hil.Report;

/// <summary>Series colours: distinguishable, and legible printed in grey.</summary>
public static class Palette
{
    private static readonly string[] Colours = ["#1f77b4", "#e6550d", "#31a354", "#756bb1", "#d62728", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#636363"];

    public static string Of(int index) => Colours[index % Colours.Length];
}
