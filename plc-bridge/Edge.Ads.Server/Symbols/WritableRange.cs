using Edge.Ads.Types;

namespace Edge.Ads.Server.Symbols;

/// <summary>Bytes clients may write, opened by <see cref="AdsSymbolTable.EnableWrites"/>.</summary>
internal sealed record WritableRange(AdsRange Range, string Path, PlcType Type, AdsSymbol Owner, AdsWriteValidator? Validator);
