using System.Globalization;
using Edge.Device.Drift;
using Edge.Device.Numerics;

namespace Edge.Drift.Replay;

/// <summary>A value of the board's capture in the data's units: a number decoded from the column's fixed point, the category's name, or "" for a missing value.</summary>
public static class CapturedValue
{
    public static string Decode(ProfileColumn column, int value) =>
        value == FixedPointInput.Missing ? ""
        : column.IsBinned ? FixedPointInput.ToDouble(value, column.Shift).ToString("R", CultureInfo.InvariantCulture)
        : value >= 0 && value < column.Categories.Length ? column.Categories[value] : "(unseen)";
}
