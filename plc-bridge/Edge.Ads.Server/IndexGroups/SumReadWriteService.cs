using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;

namespace Edge.Ads.Server.IndexGroups;

/// <summary>
/// 0xF082, offset = n: n read-writes; records are <c>u32 group, u32 offset, u32 readLength,
/// u32 writeLength</c>, then all write data. Answer: n x <c>u32 result, u32 length</c>, then each
/// answer's data at its actual length. ads-client makes handles this way (sub-group 0xF003).
/// </summary>
internal sealed class SumReadWriteService(IndexGroupRouter router, int maxCount) : IndexGroupService
{
    private const int RecordSize = 16;

    public override AdsErrorCode ReadWrite(in AdsRequestContext context, uint indexGroup, uint indexOffset, uint readLength, ReadOnlyMemory<byte> writeData, AdsBufferWriter output)
    {
        var error = SumCommand.TryRead(writeData.Span, indexOffset, RecordSize, maxCount, out var commands);
        if (error != AdsErrorCode.NoError)
            return error;
        int dataStart = commands.Length * RecordSize;
        ulong total = (ulong)dataStart + commands.Aggregate(0UL, (sum, c) => sum + c.WriteLength);
        if (total != (ulong)writeData.Length)
            return AdsErrorCode.DeviceInvalidSize;

        // Answers go to a scratch buffer first: their lengths come before all data.
        var answers = new AdsBufferWriter();
        int headers = output.Position;
        output.WriteZeros(commands.Length * 8);
        int position = dataStart;
        for (int i = 0; i < commands.Length; i++)
        {
            var command = commands[i];
            var data = writeData.Slice(position, (int)command.WriteLength);
            position += (int)command.WriteLength;
            int start = answers.Position;
            var result = command.IsNestedSum
                ? AdsErrorCode.DeviceServiceNotSupported
                : router.Find(command.IndexGroup).ReadWrite(context, command.IndexGroup, command.IndexOffset, command.Length, data, answers);
            if (result != AdsErrorCode.NoError)
                answers.Truncate(start);
            output.PatchUInt32(headers + 8 * i, (uint)result);
            output.PatchUInt32(headers + 8 * i + 4, (uint)(answers.Position - start));
            if (answers.Position > router.MaxReplySize)
                return AdsErrorCode.DeviceInvalidSize;
        }
        output.Write(answers.WrittenSpan);
        return Fits(output, headers, readLength);
    }
}
