using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Symbols;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// 0xF011: write a type name, read its AdsDatatypeEntry. Clients send back the exact type
/// strings of symbol and member entries (<c>ARRAY [0..7] OF REAL</c>), matched ignoring case.
/// </summary>
internal sealed class DataTypeByNameService(AdsSymbolTable symbols) : IndexGroupService
{
    public override AdsErrorCode ReadWrite(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint readLength, ReadOnlyMemory<byte> writeData, AdsBufferWriter output)
    {
        if (writeData.Length > AdsSymbolTable.MaxNameLength + 1)
            return AdsErrorCode.DeviceSymbolNotFound;
        var type = symbols.FindTypeForClient(AdsString.ReadName(writeData.Span));
        if (type is null)
            return AdsErrorCode.DeviceSymbolNotFound;
        int start = output.Position;
        AdsDataTypeEntryCodec.Write(output, PlcTypeEntries.ForType(type));
        return Fits(output, start, readLength);
    }
}
