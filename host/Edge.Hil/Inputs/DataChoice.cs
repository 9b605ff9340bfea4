namespace Edge.Hil.Inputs;

/// <summary>The table a model reads and the columns that fill its input, in order ("f0..f63").</summary>
public sealed record DataChoice(string Path, string Columns);
