using System.Buffers.Binary;
using Edge.Ads.Protocol;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// The sub-request list at the start of a sum command's write data: <c>count</c> records of
/// <c>u32 indexGroup, u32 indexOffset, u32 length</c> (plus <c>u32 writeLength</c> for 0xF082).
/// </summary>
internal readonly record struct SumCommand(uint IndexGroup, uint IndexOffset, uint Length, uint WriteLength)
{
    /// <summary>
    /// Reads <paramref name="count"/> records of <paramref name="recordSize"/> bytes (12 or 16).
    /// 0x70B when the count is 0 or above the limit; 0x705 when the write data is too short.
    /// </summary>
    public static AdsErrorCode TryRead(ReadOnlySpan<byte> writeData, uint count, int recordSize, int maxCount, out SumCommand[] commands)
    {
        commands = [];
        if (count == 0 || count > (uint)maxCount)
            return AdsErrorCode.DeviceInvalidParameter;
        if ((ulong)writeData.Length < (ulong)count * (ulong)recordSize)
            return AdsErrorCode.DeviceInvalidSize;
        commands = new SumCommand[count];
        for (int i = 0; i < commands.Length; i++)
        {
            var record = writeData.Slice(i * recordSize, recordSize);
            commands[i] = new SumCommand(
                BinaryPrimitives.ReadUInt32LittleEndian(record),
                BinaryPrimitives.ReadUInt32LittleEndian(record[4..]),
                BinaryPrimitives.ReadUInt32LittleEndian(record[8..]),
                recordSize == 16 ? BinaryPrimitives.ReadUInt32LittleEndian(record[12..]) : 0);
        }
        return AdsErrorCode.NoError;
    }

    /// <summary>Sum commands inside sum commands are refused (0x701): no recursion.</summary>
    public bool IsNestedSum => IndexGroup is >= AdsIndexGroup.SumRead and <= 0xF086;
}
