using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// 0xF080, offset = n: n reads in one request. Answer: n x <c>u32 result</c>, then each read's
/// data at its requested length (zeros where it failed), so offsets are known before parsing.
/// </summary>
internal sealed class SumReadService(IndexGroupRouter router, int maxCount) : IndexGroupService
{
    private const int RecordSize = 12;

    public override AdsErrorCode ReadWrite(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint readLength, ReadOnlyMemory<byte> writeData, AdsBufferWriter output)
    {
        var error = SumCommand.TryRead(writeData.Span, indexOffset, RecordSize, maxCount, out var commands);
        if (error != AdsErrorCode.NoError)
            return error;
        if (writeData.Length != commands.Length * RecordSize)
            return AdsErrorCode.DeviceInvalidSize;
        ulong total = (ulong)commands.Length * 4 + commands.Aggregate(0UL, (sum, c) => sum + c.Length);
        if (total > readLength || total > (ulong)router.MaxReplySize)
            return AdsErrorCode.DeviceInvalidSize;

        int results = output.Position;
        output.WriteZeros(commands.Length * 4);
        for (int i = 0; i < commands.Length; i++)
        {
            var command = commands[i];
            int start = output.Position;
            var result = command.IsNestedSum
                ? AdsErrorCode.DeviceServiceNotSupported
                : router.Find(command.IndexGroup).Read(context, command.IndexGroup, command.IndexOffset, command.Length, output);
            if (result != AdsErrorCode.NoError)
                output.Truncate(start);
            output.WriteZeros((int)command.Length - (output.Position - start)); // pad to the requested length
            output.PatchUInt32(results + 4 * i, (uint)result);
        }
        return AdsErrorCode.NoError;
    }
}
