namespace Edge.Ads.Types;

/// <summary>
/// Where a member or element sits inside a value: byte <see cref="Offset"/> from the value's start,
/// its <see cref="Type"/>, and its <see cref="Path"/> spelled as declared (e.g. <c>FeatureDrift[3]</c>).
/// </summary>
public readonly record struct PlcLocation(string Path, PlcType Type, int Offset);
