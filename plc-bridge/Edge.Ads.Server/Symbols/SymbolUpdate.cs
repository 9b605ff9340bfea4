using Edge.Ads.Types;

namespace Edge.Ads.Server.Symbols;

/// <summary>Edits a symbol's value in place; runs under the value's lock, so keep it short.</summary>
public delegate void SymbolUpdate(PlcValueWriter value);
