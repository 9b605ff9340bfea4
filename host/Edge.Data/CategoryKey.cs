using System.Globalization;

namespace Edge.Data;

/// <summary>How a number becomes a category name when a numeric column has only a few distinct values (same rule when profiling and replaying).</summary>
public static class CategoryKey
{
    public static string Of(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
