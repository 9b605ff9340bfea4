using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// 0xF081, offset = n: n writes in one request; write data is the n records then all data in order.
/// Answer: n x <c>u32 result</c>.
/// </summary>
internal sealed class SumWriteService(IndexGroupRouter router, int maxCount) : IndexGroupService
{
    private const int RecordSize = 12;

    public override AdsErrorCode ReadWrite(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint readLength, ReadOnlyMemory<byte> writeData, AdsBufferWriter output)
    {
        var error = SumCommand.TryRead(writeData.Span, indexOffset, RecordSize, maxCount, out var commands);
        if (error != AdsErrorCode.NoError)
            return error;
        int dataStart = commands.Length * RecordSize;
        ulong total = (ulong)dataStart + commands.Aggregate(0UL, (sum, c) => sum + c.Length);
        if (total != (ulong)writeData.Length || (ulong)commands.Length * 4 > readLength)
            return AdsErrorCode.DeviceInvalidSize;

        int position = dataStart;
        foreach (var command in commands)
        {
            var data = writeData.Slice(position, (int)command.Length);
            position += (int)command.Length;
            var result = command.IsNestedSum
                ? AdsErrorCode.DeviceServiceNotSupported
                : router.Find(command.IndexGroup).Write(context, command.IndexGroup, command.IndexOffset, data);
            output.WriteUInt32((uint)result);
        }
        return AdsErrorCode.NoError;
    }
}
