using System.Buffers.Binary;
using Edge.Ads.Client;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>The ADS calls a PLC makes (Tc2_System's ADSREAD, ADSWRITE, ADSRDWRT on 0xF007), through the repository's small client.</summary>
internal static class AdsCalls
{
    /// <summary>Index group, offset and size of a symbol or member path (0xF007), as the server answers it.</summary>
    public static async Task<(uint Group, uint Offset, uint Size)> AddressOfAsync(this AdsTcpClient client, string path)
    {
        var data = (await client.ReadWriteAsync(AdsIndexGroup.SymbolInfoByName, 0, 12, AdsRequestEncoder.Name(path))).GetDataOrThrow($"0xF007 {path}");
        return (BinaryPrimitives.ReadUInt32LittleEndian(data), BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4)), BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(8)));
    }

    /// <summary>ADSREAD: raw bytes at group/offset.</summary>
    public static async Task<byte[]> ReadBytesAsync(this AdsTcpClient client, uint group, uint offset, int length) =>
        (await client.ReadAsync(group, offset, (uint)length)).GetDataOrThrow($"read 0x{group:X}:{offset}+{length}");
}
