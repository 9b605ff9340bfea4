namespace Edge.TestSupport.Layout;

/// <summary>
/// A field of a struct for <see cref="ClrLayoutOracle"/>: one <see cref="Element"/> (a primitive
/// or an emitted struct), or <see cref="Count"/> of them inline (a fixed array).
/// </summary>
public sealed record ClrField(string Name, Type Element, int? Count = null);
